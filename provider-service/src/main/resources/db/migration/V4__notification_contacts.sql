-- A provider's contacts become whom the platform emails, and about what: each has an email and roles (REFERRALS,
-- CONTRACTS, COMPLIANCE; see ContactRole). The free-text role of earlier contacts was a job title: it is kept as
-- jobTitle. Earlier contacts with an email receive everything, as a contact given without roles does now; those
-- without an email cannot be emailed and receive nothing.
UPDATE provider
SET contacts = (
    SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'name', c ->> 'name',
               'email', c ->> 'email',
               'roles', CASE WHEN coalesce(c ->> 'email', '') = '' THEN '[]'::jsonb
                             ELSE '["REFERRALS", "CONTRACTS", "COMPLIANCE"]'::jsonb END,
               'jobTitle', c ->> 'role',
               'phone', c ->> 'phone')) ORDER BY position)
    FROM jsonb_array_elements(contacts) WITH ORDINALITY AS contact(c, position))
WHERE jsonb_array_length(contacts) > 0;

-- notification-service keeps its copy of each provider's contacts from dps.provider.contacts-changed.v1 alone:
-- announce the contacts providers already have, through the outbox like any other change.
INSERT INTO outbox_event (id, topic, type, aggregate_id, payload, occurred_at)
SELECT gen_random_uuid(), 'dps.providers', 'dps.provider.contacts-changed.v1', p.id::text,
       jsonb_build_object(
           'providerId', p.id,
           'providerName', p.name,
           'contacts', (SELECT jsonb_agg(jsonb_build_object('name', c ->> 'name', 'email', c ->> 'email',
                                                            'roles', c -> 'roles') ORDER BY position)
                        FROM jsonb_array_elements(p.contacts) WITH ORDINALITY AS contact(c, position)
                        WHERE jsonb_array_length(c -> 'roles') > 0),
           'changedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text,
       now()
FROM provider p
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(p.contacts) AS contact(c) WHERE jsonb_array_length(c -> 'roles') > 0)
ORDER BY p.registered_at, p.id;
