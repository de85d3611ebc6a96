-- Triggers for flows: webhook subscriptions, the event outbox and its deliveries.
--
-- An event row is written in the same transaction as the change that caused it, together with
-- one delivery row per matching subscription, so a crash between commit and send loses
-- nothing: the delivery worker sends what is pending, at least once, with the same webhook-id
-- on every attempt. `events` is also what GET /events (the polling trigger) lists.

CREATE TABLE subscriptions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id         BIGINT  NOT NULL REFERENCES members (id),
    event_type        TEXT    NOT NULL,
    callback_url      TEXT    NOT NULL,
    -- Standard Webhooks signing key (raw bytes, base64 as given after "whsec_"), if any.
    secret            TEXT,
    tag               TEXT,
    level             TEXT,
    mine_only         BOOLEAN NOT NULL DEFAULT FALSE,
    unanswered_hours  BIGINT,
    created_at        BIGINT  NOT NULL,
    -- Set when unsubscribed (DELETE) or when the receiver answered 404/410 (the flow is gone).
    ended_at          BIGINT,
    ended_reason      TEXT
);
CREATE INDEX subscriptions_active ON subscriptions (event_type, ended_at);
CREATE INDEX subscriptions_member ON subscriptions (member_id, id);

CREATE TABLE events (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    event_type         TEXT    NOT NULL,
    occurred_at        BIGINT  NOT NULL,
    -- The payload as members may see it (never an anonymous author), as JSON.
    data               TEXT    NOT NULL,
    -- Internal, never shown: who "mine only" refers to (the asker, the answer's author, the
    -- kudos receiver), and whether that person is hidden (an anonymous asker).
    audience_member_id BIGINT,
    conceals_audience  BOOLEAN NOT NULL DEFAULT FALSE,
    -- Makes an event happen once, e.g. "question 7 unanswered for 24 hours".
    dedupe_key         TEXT    UNIQUE
);
CREATE INDEX events_type ON events (event_type, id);

CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id         BIGINT  NOT NULL REFERENCES events (id),
    subscription_id  BIGINT  NOT NULL REFERENCES subscriptions (id),
    -- pending → delivered | failed | cancelled
    status           TEXT    NOT NULL DEFAULT 'pending',
    attempts         BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT  NOT NULL,
    -- Retries stop here; NULL means TSUNAGU_WEBHOOK_MAX_AGE_HOURS after created_at (an admin
    -- retry sets it from the moment of the retry).
    expires_at       BIGINT,
    -- A worker holds the delivery until then; after it (the worker died) another may take it.
    locked_until     BIGINT  NOT NULL DEFAULT 0,
    last_status      BIGINT,
    last_error       TEXT,
    created_at       BIGINT  NOT NULL,
    finished_at      BIGINT,
    UNIQUE (event_id, subscription_id)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_subscription ON deliveries (subscription_id, status);
