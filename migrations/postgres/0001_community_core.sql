-- Community core: members, API keys, tags, questions, answers, reactions.
-- Timestamps are microseconds since the Unix epoch (BIGINT) in both backends, so ordering,
-- cursors and arithmetic are identical on SQLite and PostgreSQL.
-- Japanese search needs a UTF-8 LC_CTYPE (e.g. C.UTF-8): under "C" pg_trgm extracts no
-- trigrams from Japanese text and every search falls back to a sequential scan.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE members (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name TEXT    NOT NULL,
    email        TEXT,
    role         TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator', 'admin')),
    created_at   BIGINT  NOT NULL
);
CREATE UNIQUE INDEX members_email_unique ON members (email) WHERE email IS NOT NULL;

CREATE TABLE api_keys (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id    BIGINT  NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX api_keys_member ON api_keys (member_id);

-- One row per one-time event (e.g. the first admin key), so replicas racing at start agree.
CREATE TABLE bootstrap_events (
    name         TEXT    PRIMARY KEY,
    happened_at  BIGINT  NOT NULL
);

CREATE TABLE tags (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL
);
CREATE INDEX tags_slug_prefix ON tags (slug text_pattern_ops);

CREATE TABLE questions (
    id                 BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id          BIGINT  NOT NULL REFERENCES members (id),
    title              TEXT    NOT NULL,
    body               TEXT    NOT NULL,
    -- NFKC + lower-case copies that search indexes and compares.
    search_title       TEXT    NOT NULL,
    search_body        TEXT    NOT NULL,
    anonymous          BOOLEAN NOT NULL DEFAULT FALSE,
    status             TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'resolved')),
    answer_count       BIGINT  NOT NULL DEFAULT 0,
    me_too_count       BIGINT  NOT NULL DEFAULT 0,
    accepted_answer_id BIGINT,
    -- First answer by someone other than the asker; NULL while unanswered.
    first_answer_at    BIGINT,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL,
    last_activity_at   BIGINT  NOT NULL
);
CREATE INDEX questions_newest ON questions (created_at DESC, id DESC);
CREATE INDEX questions_active ON questions (last_activity_at DESC, id DESC);
CREATE INDEX questions_author ON questions (author_id);
CREATE INDEX questions_search_title_trgm ON questions USING gin (search_title gin_trgm_ops);
CREATE INDEX questions_search_body_trgm ON questions USING gin (search_body gin_trgm_ops);

CREATE TABLE question_tags (
    question_id  BIGINT  NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    tag_id       BIGINT  NOT NULL REFERENCES tags (id),
    PRIMARY KEY (question_id, tag_id)
);
CREATE INDEX question_tags_tag ON question_tags (tag_id, question_id);

CREATE TABLE question_me_too (
    question_id  BIGINT  NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    member_id    BIGINT  NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (question_id, member_id)
);

CREATE TABLE answers (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id  BIGINT  NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    author_id    BIGINT  NOT NULL REFERENCES members (id),
    body         TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL
);
CREATE INDEX answers_question ON answers (question_id, created_at);

CREATE TABLE answer_reactions (
    answer_id    BIGINT  NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    member_id    BIGINT  NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('helpful', 'thanks')),
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (answer_id, member_id, kind)
);
