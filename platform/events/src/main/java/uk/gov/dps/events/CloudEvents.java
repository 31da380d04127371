package uk.gov.dps.events;

/**
 * CloudEvents 1.0 in Kafka binary mode: attributes travel as {@code ce_*} record headers, the record value
 * is the JSON payload alone. {@code id} is the producer's outbox row id, {@code subject} the aggregate id.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }
}
