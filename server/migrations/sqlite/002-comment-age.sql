-- Comment retention (FEEDBACK_COMMENT_RETENTION_DAYS) finds old comments without reading every row.
CREATE INDEX feedback_comment_age ON feedback (updated_at) WHERE comment IS NOT NULL;
