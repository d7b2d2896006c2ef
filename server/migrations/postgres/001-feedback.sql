-- The feedback table: one row per submission, replaced by a higher revision.
-- Never edit a shipped migration; add a new numbered file instead.
CREATE TABLE feedback (
  submission_id text PRIMARY KEY,
  revision      bigint NOT NULL CHECK (revision >= 1),
  article_id    text NOT NULL,
  rating        smallint NOT NULL,
  scale         text NOT NULL CHECK (scale IN ('stars', 'thumbs', 'faces')),
  reasons       jsonb NOT NULL DEFAULT '[]',
  comment       text,
  locale        text NOT NULL,
  page          text NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX feedback_article ON feedback (article_id, updated_at);
