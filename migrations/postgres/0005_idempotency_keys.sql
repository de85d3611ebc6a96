-- Responses to POSTs sent with an Idempotency-Key, kept for 24 hours so a retried request
-- (Power Automate retries on timeouts and 5xx) gets the first response instead of a duplicate.
CREATE TABLE idempotency_keys (
    scope         TEXT    NOT NULL,
    key           TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    completed     BOOLEAN NOT NULL DEFAULT FALSE,
    status        BIGINT,
    body          BYTEA,
    content_type  TEXT,
    location      TEXT,
    created_at    BIGINT  NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
