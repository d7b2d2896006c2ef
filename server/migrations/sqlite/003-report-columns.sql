-- The language prefix of the locale (de for de, de-DE, de_AT) as a column the report filters by,
-- the same on both stores (PostgreSQL's migration 003 adds it too). Virtual: computed on read, but
-- stored in the report's covering indexes, which are rebuilt with it in place of the locale.
-- Never edit a shipped migration; add a new numbered file instead.
ALTER TABLE feedback ADD COLUMN lang TEXT GENERATED ALWAYS AS (
  CASE WHEN instr(replace(lower(locale), '_', '-'), '-') > 0
    THEN substr(lower(locale), 1, instr(replace(lower(locale), '_', '-'), '-') - 1)
    ELSE lower(locale) END
) VIRTUAL;
DROP INDEX feedback_report;
DROP INDEX feedback_report_weeks;
DROP INDEX feedback_locale;
CREATE INDEX feedback_report ON feedback (article_id, scale, rating, updated_at, lang, status, (comment IS NOT NULL));
CREATE INDEX feedback_report_weeks ON feedback (article_id, scale, ((CAST(unixepoch(updated_at) AS INTEGER) - 345600) / 604800), lang);
CREATE INDEX feedback_lang ON feedback (lang);
