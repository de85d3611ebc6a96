-- Crash safety for Idempotency-Key: the row a request creates records itself here in the same
-- transaction (resource_kind, resource_id), so a retry after a crash between that commit and the stored
-- response finds the row instead of creating a second one; claimed_at lets a retry take over
-- a claim whose request died (no response after the lease) instead of waiting 24 hours.
ALTER TABLE idempotency_keys ADD COLUMN resource_kind TEXT;
ALTER TABLE idempotency_keys ADD COLUMN resource_id BIGINT;
ALTER TABLE idempotency_keys ADD COLUMN claimed_at BIGINT NOT NULL DEFAULT 0;
