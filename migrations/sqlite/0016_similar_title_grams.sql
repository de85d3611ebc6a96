-- PostgreSQL gets an inverted index of title grams for similar-question suggestions in this
-- migration (see migrations/postgres/0016). SQLite already serves them from the title column
-- of the FTS5 gram table (migration 0014), newest first; nothing changes here, and the
-- number stays taken so that both databases' migrations keep the same numbers.
SELECT 1;
