-- A stand-in domain for the messaging tests: a producer-side table and a consumer-side projection.
CREATE TABLE test_registration (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE test_projection (
    provider_id uuid PRIMARY KEY,
    name        text    NOT NULL,
    applied     integer NOT NULL  -- how many times the effect ran: must stay 1 under redelivery
);

-- What the withdrawal handler, which also takes the event, saw: the payload's provider and the event's id.
CREATE TABLE test_withdrawal (
    provider_id uuid PRIMARY KEY,
    event_id    text NOT NULL
);
