-- notification-service: what people are told (in-app notifications), the emails that carry it, and the copies of
-- other services' facts needed to choose the recipients (lots' councils, provider contacts, current placements,
-- outstanding invitations).

-- One notification per event, kind and audience: a council team (council + role) or a provider organisation.
CREATE TABLE notification (
    id            uuid        PRIMARY KEY,
    event_id      text        NOT NULL,
    kind          text        NOT NULL,
    -- 'council:<council>:<role>' or 'provider:<provider id>': what a signed-in user's token is matched against
    audience      text        NOT NULL,
    council       text,
    provider_id   uuid,
    title         text        NOT NULL,
    body          text        NOT NULL,
    link          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    UNIQUE (event_id, kind, audience)
);
CREATE INDEX notification_audience ON notification (audience, created_at DESC);

-- Per-user read state: the user is the token's subject.
CREATE TABLE notification_read (
    notification_id uuid        NOT NULL REFERENCES notification (id),
    subject         text        NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (subject, notification_id)
);

-- One email per event, kind and address, whatever the number of audiences or deliveries of the event.
-- Written PENDING in the consumer's transaction; the sender claims due rows with a lease and records the outcome.
CREATE TABLE email_delivery (
    id               uuid        PRIMARY KEY,
    notification_id  uuid        NOT NULL REFERENCES notification (id),
    event_id         text        NOT NULL,
    kind             text        NOT NULL,
    address          text        NOT NULL,
    -- the council whose team mailbox this is (null for provider contacts and users' own addresses)
    mailbox_council  text,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    UNIQUE (event_id, kind, address)
);
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX email_delivery_notification ON email_delivery (notification_id);
CREATE INDEX email_delivery_council_status ON email_delivery (mailbox_council, status, created_at DESC);

-- Which kinds a user wants by email (in-app is always on), with the audience their token had when they chose.
CREATE TABLE notification_preference (
    subject      text        PRIMARY KEY,
    email        text,
    audiences    text[]      NOT NULL,
    email_kinds  text[]      NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX notification_preference_audiences ON notification_preference USING gin (audiences);

-- Lots and the councils that buy through them (dps.lots snapshots).
CREATE TABLE lot (
    lot_id    uuid   PRIMARY KEY,
    name      text   NOT NULL,
    councils  text[] NOT NULL
);

-- Providers: names (dps.provider.registered.v1), lot membership, and their contacts by kind of message.
CREATE TABLE provider (
    provider_id uuid PRIMARY KEY,
    name        text NOT NULL
);
CREATE TABLE lot_member (
    lot_id      uuid NOT NULL,
    provider_id uuid NOT NULL,
    PRIMARY KEY (provider_id, lot_id)
);
CREATE TABLE provider_contact (
    provider_id uuid   NOT NULL,
    email       text   NOT NULL,
    name        text,
    kinds       text[] NOT NULL,
    PRIMARY KEY (provider_id, email)
);

-- Children placed with a provider now, per council: who hears about the provider's risk rating.
CREATE TABLE placement (
    placement_id uuid PRIMARY KEY,
    provider_id  uuid NOT NULL,
    council      text NOT NULL,
    ended        boolean NOT NULL DEFAULT false
);
CREATE INDEX placement_provider ON placement (provider_id) WHERE NOT ended;

-- Call-offs with a reminder still to send, and who was invited and has answered.
CREATE TABLE call_off (
    referral_id  uuid        PRIMARY KEY,
    council      text        NOT NULL,
    lot_id       uuid        NOT NULL,
    category     text,
    respond_by   timestamptz NOT NULL,
    remind_at    timestamptz,
    reminded_at  timestamptz
);
CREATE INDEX call_off_reminder_due ON call_off (remind_at) WHERE reminded_at IS NULL;
CREATE TABLE invitation (
    referral_id  uuid        NOT NULL REFERENCES call_off (referral_id),
    provider_id  uuid        NOT NULL,
    responded_at timestamptz,
    PRIMARY KEY (referral_id, provider_id)
);
