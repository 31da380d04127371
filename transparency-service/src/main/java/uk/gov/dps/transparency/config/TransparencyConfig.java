package uk.gov.dps.transparency.config;

import java.net.URI;
import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the published data says about its publisher, and how notices are flagged. */
@ConfigMapping(prefix = "dps.transparency")
public interface TransparencyConfig {

    /**
     * The OCDS prefix of every ocid ({@code ocds-} and six characters registered with the Open Contracting
     * Partnership); each DPS's ocid is {@code <prefix>-dps-<dps id>}, each call-off's {@code <prefix>-<contract id>}.
     */
    String ocidPrefix();

    /** The packages' publisher. */
    String publisherName();

    /** Where this service is reached from outside: the packages' {@code uri} and the records' release links. */
    URI publicUrl();

    /** The licence of the published data. */
    @WithDefault("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
    URI licence();

    /** A notice not yet published is DUE_SOON this close to its due date. */
    Period noticesDueSoon();
}
