-- The language a member reads tsunagu in (`en`, `ja`); NULL: the request's Accept-Language,
-- else TSUNAGU_DEFAULT_LANGUAGE.
ALTER TABLE members ADD COLUMN language TEXT NULL;
