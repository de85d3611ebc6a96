-- A counter the service's cache of title matches (multi-word searches, `Store::title_matches`)
-- checks on every use: raised by any change after which a kept list of ids could be wrong — a
-- question's normalised title edited, a question deleted, or one inserted below the newest id
-- (SQLite otherwise commits ids in increasing order, so the questions written since a list was
-- made are exactly those above its newest id, which the cache looks up on top).
CREATE TABLE search_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO search_generation (id, value) VALUES (1, 0);

CREATE TRIGGER search_generation_title AFTER UPDATE OF search_title ON questions
WHEN old.search_title IS NOT new.search_title BEGIN
    UPDATE search_generation SET value = value + 1;
END;
CREATE TRIGGER search_generation_delete AFTER DELETE ON questions BEGIN
    UPDATE search_generation SET value = value + 1;
END;
CREATE TRIGGER search_generation_insert AFTER INSERT ON questions
WHEN new.id < (SELECT max(id) FROM questions) BEGIN
    UPDATE search_generation SET value = value + 1;
END;
