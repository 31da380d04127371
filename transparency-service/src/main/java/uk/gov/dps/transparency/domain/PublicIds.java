package uk.gov.dps.transparency.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers that may leave the platform. A placement's own id is a child-level reference (councils' systems and
 * webhooks know it), so a contract is published under an id derived from it that joins with nothing else.
 */
public final class PublicIds {

    private PublicIds() {
    }

    public static UUID contract(UUID placementId) {
        return UUID.nameUUIDFromBytes(("dps-transparency-contract:" + placementId).getBytes(StandardCharsets.UTF_8));
    }

    /** A payment's published id: spend-service's id would join it to the placement in councils' systems. */
    public static UUID payment(UUID paymentId) {
        return UUID.nameUUIDFromBytes(("dps-transparency-payment:" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID notice(NoticeKind kind, UUID subject) {
        return UUID.nameUUIDFromBytes(("dps-transparency-notice:" + kind + ":" + subject)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static String dpsOcid(String prefix, UUID dpsId) {
        return prefix + "-dps-" + dpsId;
    }

    public static String contractOcid(String prefix, UUID contractId) {
        return prefix + "-" + contractId;
    }
}
