-- Reports of hurtful posts, and moderation: a member reports a question, answer, tip or win
-- once; moderators work the queue and hide, mark edited or dismiss. The reporter is stored to
-- keep "once per member" and to let them read their own report, and is never shown to anyone.
--
-- target_kind points at four tables, so there is no foreign key (reads join); a report of a
-- deleted post stays in the queue, without the post's title, until it is resolved.

CREATE TABLE reports (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    reporter_id        BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    target_kind        TEXT   NOT NULL CHECK (target_kind IN ('question', 'answer', 'tip', 'win')),
    target_id          BIGINT NOT NULL,
    reason             TEXT   NOT NULL CHECK (reason IN ('unkind', 'spam', 'personal_information', 'other')),
    note               TEXT,
    status             TEXT   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'hidden', 'edited', 'dismissed')),
    resolved_by        BIGINT REFERENCES members (id) ON DELETE SET NULL,
    resolution_reason  TEXT,
    created_at         BIGINT NOT NULL,
    resolved_at        BIGINT,
    UNIQUE (reporter_id, target_kind, target_id)
);
-- The queue: one status, oldest first.
CREATE INDEX reports_queue ON reports (status, created_at, id);
-- Closing every open report of a post, and counting them.
CREATE INDEX reports_target ON reports (target_kind, target_id, status);

-- A hidden post is shown to its author and to moderators only, with the reason.
ALTER TABLE questions ADD COLUMN hidden_at BIGINT NULL;
ALTER TABLE questions ADD COLUMN hidden_reason TEXT NULL;
ALTER TABLE answers ADD COLUMN hidden_at BIGINT NULL;
ALTER TABLE answers ADD COLUMN hidden_reason TEXT NULL;
ALTER TABLE tips ADD COLUMN hidden_at BIGINT NULL;
ALTER TABLE tips ADD COLUMN hidden_reason TEXT NULL;
ALTER TABLE wins ADD COLUMN hidden_at BIGINT NULL;
ALTER TABLE wins ADD COLUMN hidden_reason TEXT NULL;
