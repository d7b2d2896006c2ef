-- The owner's report: a status per submission (its comment read and dealt with, or not), an index
-- the report's aggregates scan (period first, then what they group by), and admin sessions.
-- Never edit a shipped migration; add a new numbered file instead.
ALTER TABLE feedback ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done'));
-- The report's grouped scans: a period's ratings by article, scale and rating; the locales for its filter.
CREATE INDEX feedback_report ON feedback (updated_at, article_id, scale, rating, locale);
CREATE INDEX feedback_locale ON feedback (locale);
-- Only a hash of the session id is stored: a copy of the database opens no session.
-- token_fingerprint ties a session to FEEDBACK_ADMIN_TOKEN; a new token ends every session.
CREATE TABLE admin_sessions (
  id_hash           text PRIMARY KEY,
  token_fingerprint text NOT NULL,
  expires_at        timestamptz NOT NULL
);
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);
