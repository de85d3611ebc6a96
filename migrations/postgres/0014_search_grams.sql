-- Search served by a character-bigram index (see `domain::search`, "The gram index") instead
-- of pg_trgm, which cannot serve one- and two-character terms (承認, UI) and left those to
-- scan every row. `search_grams` holds each distinct character and pair of the title (`t…`)
-- and of the body (`b…`) in hexadecimal code points, computed by the service; NULL until a
-- row written before this migration is indexed when the service starts.
ALTER TABLE questions ADD COLUMN search_grams TEXT[];
CREATE INDEX questions_search_grams ON questions USING gin (search_grams);
DROP INDEX questions_search_title_trgm;
DROP INDEX questions_search_body_trgm;

ALTER TABLE tips ADD COLUMN search_grams TEXT[];
CREATE INDEX tips_search_grams ON tips USING gin (search_grams);
DROP INDEX tips_search_title_trgm;
DROP INDEX tips_search_body_trgm;
