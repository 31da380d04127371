package uk.gov.dps.events.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code dps.quality.inspection-recorded.v1}: a regulator's judgement on one of the provider's settings. */
public record InspectionRecorded(
        UUID inspectionId,
        UUID providerId,
        String settingUrn,
        String regulator,
        String judgement,
        LocalDate inspectedOn,
        String reportReference,
        String recordingCouncil,
        Instant recordedAt) {
}
