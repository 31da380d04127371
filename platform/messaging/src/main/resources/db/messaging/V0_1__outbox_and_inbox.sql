-- Shipped by platform/messaging; every service applies it through quarkus.flyway.locations=...,db/messaging.
-- Versions 0.x stay below the services' own migrations (V1, V2, ...).

-- Events waiting to be published, written in the same transaction as the state change they describe.
-- The relay deletes a row once Kafka has acknowledged it; the topic is the durable log.
CREATE TABLE outbox_event (
    position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- publish order
    id           uuid        NOT NULL UNIQUE,                     -- CloudEvents id
    topic        text        NOT NULL,
    type         text        NOT NULL,                            -- CloudEvents type
    aggregate_id text        NOT NULL,                            -- record key and CloudEvents subject
    payload      text        NOT NULL,                            -- JSON, exactly as published
    occurred_at  timestamptz NOT NULL
);

-- Events already applied by a consumer, recorded in the same transaction as their effect, so that a
-- redelivered event is acknowledged and skipped.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
