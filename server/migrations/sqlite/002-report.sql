-- The owner's report: a status per submission (its comment read and dealt with, or not), an index
-- the report's aggregates scan (period first, then what they group by), and admin sessions.
-- Never edit a shipped migration; add a new numbered file instead.
ALTER TABLE feedback ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done'));
-- The report's two grouped scans read only these indexes (covering): counts per article, scale and
-- rating in a period, and counts per article, scale and week number (the expression of
-- server/store/report-queries.js, weeks since Monday 1970-01-05 UTC).
CREATE INDEX feedback_report ON feedback (article_id, scale, rating, updated_at, locale, status, (comment IS NOT NULL));
CREATE INDEX feedback_report_weeks ON feedback (article_id, scale, ((CAST(unixepoch(updated_at) AS INTEGER) - 345600) / 604800), locale);
CREATE INDEX feedback_locale ON feedback (locale);
-- Only a hash of the session id is stored: a copy of the database opens no session.
-- token_fingerprint ties a session to FEEDBACK_ADMIN_TOKEN; a new token ends every session.
CREATE TABLE admin_sessions (
  id_hash           TEXT PRIMARY KEY,
  token_fingerprint TEXT NOT NULL,
  expires_at        TEXT NOT NULL
);
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);
