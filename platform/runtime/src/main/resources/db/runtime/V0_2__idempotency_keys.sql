-- Shipped by platform/runtime; every service applies it (quarkus.flyway.locations includes db/runtime).
-- Answers to POSTs sent with an Idempotency-Key, stored in the transaction that did the work, so that a
-- partner system's retry gets the first answer instead of creating a second referral, offer or award.
CREATE TABLE idempotency_key (
    caller       text        NOT NULL,   -- keys are per caller: two systems may pick the same key
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,   -- method, path and body of the first request
    status       integer,
    location     text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
