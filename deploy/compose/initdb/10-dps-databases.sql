-- One database per service (ENGINEERING.md: a service never reads another service's tables), owned by the
-- login role the postgres image creates from POSTGRES_USER. Runs once, on the first start of an empty volume.
-- Keep in step with each service's quarkus.datasource.jdbc.url (checked by platform/deployment tests).
CREATE DATABASE provider_service;
CREATE DATABASE lot_service;
CREATE DATABASE placement_service;
CREATE DATABASE contract_monitoring_service;
CREATE DATABASE spend_service;
CREATE DATABASE notification_service;
CREATE DATABASE transparency;
