-- The transaction that last wrote each question's normalised title or its grams, for the service's
-- cache of title matches (multi-word searches, `Store::title_matches`). A kept list of ids
-- remembers the snapshot it was found in; on each use the service reads only the questions whose
-- `title_xid` that snapshot could not see (`pg_visible_in_snapshot`), from this index, and updates
-- the list from them. Question ids cannot serve: PostgreSQL does not commit them in increasing
-- order. Questions written before this migration keep 0, which every snapshot sees.
ALTER TABLE questions ADD COLUMN title_xid xid8 NOT NULL DEFAULT '0';
ALTER TABLE questions ALTER COLUMN title_xid SET DEFAULT pg_current_xact_id();
CREATE INDEX questions_title_xid ON questions (title_xid);

CREATE FUNCTION questions_title_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.title_xid := pg_current_xact_id();
    RETURN NEW;
END;
$$;
-- The grams too: the start-up backfill writes them alone, and the service finds matches by them.
CREATE TRIGGER questions_title_xid BEFORE UPDATE OF search_title, search_grams ON questions
FOR EACH ROW WHEN (OLD.search_title IS DISTINCT FROM NEW.search_title
                   OR OLD.search_grams IS DISTINCT FROM NEW.search_grams)
EXECUTE FUNCTION questions_title_xid();
