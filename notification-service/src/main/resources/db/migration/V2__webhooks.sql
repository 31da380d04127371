-- Webhooks for partner councils' systems: what each council subscribed to, one delivery per event and
-- subscription, and every attempt to deliver it. V1 holds the notifications for people.

CREATE TABLE webhook_subscription (
    id                    uuid PRIMARY KEY,
    council               text        NOT NULL,
    url                   text        NOT NULL,
    description           text,
    event_types           text[]      NOT NULL,
    -- Standard Webhooks secret, whsec_ + base64; the previous one still signs for a while after a rotation
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        NOT NULL CHECK (status IN ('ACTIVE', 'PARKED')),
    parked_reason         text,
    parked_at             timestamptz,
    -- the first failed attempt since the last success: failing longer than dps.webhooks.park-after parks it
    failing_since         timestamptz,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    version               bigint      NOT NULL DEFAULT 0
);

CREATE INDEX webhook_subscription_by_council ON webhook_subscription (council, created_at DESC, id);

CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,  -- the webhook-id header: the same on every attempt
    subscription_id uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    body            text        NOT NULL,  -- the CloudEvent (structured JSON), byte for byte what is signed
    status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempt_count   integer     NOT NULL DEFAULT 0,
    retry_step      integer     NOT NULL DEFAULT 0,  -- the next delay to use from dps.webhooks.retry-schedule
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    version         bigint      NOT NULL DEFAULT 0,
    -- a redelivered event never makes a second delivery
    UNIQUE (subscription_id, event_id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, created_at DESC, id);

CREATE TABLE webhook_attempt (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   uuid        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL,
    status_code   integer,
    error         text,
    duration_ms   bigint      NOT NULL
);

CREATE INDEX webhook_attempt_by_delivery ON webhook_attempt (delivery_id, attempted_at);

-- Offers name their referral, not its council: the council of each referral, from dps.placements, so that an
-- offer goes only to the council that raised the referral.
CREATE TABLE webhook_referral (
    referral_id uuid PRIMARY KEY,
    council     text NOT NULL
);
