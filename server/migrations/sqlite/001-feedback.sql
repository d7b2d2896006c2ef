-- The feedback table: one row per submission, replaced by a higher revision.
-- Shipped in 0.1 (then inline in db.js): never edit it; add a new numbered file instead.
CREATE TABLE feedback (
  submission_id TEXT PRIMARY KEY,
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  article_id    TEXT NOT NULL,
  rating        INTEGER NOT NULL,
  scale         TEXT NOT NULL CHECK (scale IN ('stars', 'thumbs', 'faces')),
  reasons       TEXT NOT NULL DEFAULT '[]',
  comment       TEXT,
  locale        TEXT NOT NULL,
  page          TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX feedback_article ON feedback (article_id, updated_at);
