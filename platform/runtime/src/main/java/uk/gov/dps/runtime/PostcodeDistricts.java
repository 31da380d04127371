package uk.gov.dps.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * UK postcode districts (outward codes) with their centroids and children's services authority, from the ONS
 * Postcode Directory (see {@code dps/reference/postcodes/SOURCES.md}): how far a placement is from the child's home
 * district, and whether it is inside the placing council's area, in the DfE's bands for children looked after.
 */
public final class PostcodeDistricts {

    /** The DfE's distance band for children looked after: placed 20 miles or less from home, or further. */
    public static final double DFE_DISTANCE_BAND_MILES = 20.0;

    private static final double EARTH_RADIUS_MILES = 3958.8;
    private static final String RESOURCE = "dps/reference/postcodes/district-centroids.csv";
    private static final Map<String, District> DISTRICTS = load();

    private PostcodeDistricts() {
    }

    /** A district's centroid and the upper-tier authority (county or unitary) holding most of its postcodes. */
    public record District(String code, double latitude, double longitude, String country, String upperTierCode,
            String upperTierName, double upperTierShare) {

        /** Great-circle distance between the two centroids, in miles. */
        public double milesTo(District other) {
            double lat1 = Math.toRadians(latitude);
            double lat2 = Math.toRadians(other.latitude);
            double dLat = lat2 - lat1;
            double dLon = Math.toRadians(other.longitude - longitude);
            double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                    + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
        }

        /** Inside the area of the council whose ONS (GSS) code is given, by the district's main upper tier. */
        public boolean isInsideArea(String councilOnsCode) {
            return upperTierCode.equals(councilOnsCode);
        }
    }

    /** The district of a postcode or of a district as typed ("pe29 1ab", "PE29"), if it is a known one. */
    public static Optional<District> find(String postcodeOrDistrict) {
        return Optional.ofNullable(postcodeOrDistrict).map(PostcodeDistricts::outwardCode).map(DISTRICTS::get);
    }

    /** The outward code of a full postcode (everything before the last three characters), or the district itself. */
    public static String outwardCode(String postcodeOrDistrict) {
        String compact = postcodeOrDistrict.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        // A full postcode ends with its inward code: a digit then two letters.
        if (compact.length() >= 5 && compact.matches(".*\\d[A-Z]{2}")) {
            return compact.substring(0, compact.length() - 3);
        }
        return compact;
    }

    /**
     * How far a child is placed from home, in the DfE's terms: miles between the child's home district and the
     * setting's district (to one decimal), 20 miles or less or further, and whether the setting is inside the placing
     * council's area. Empty when either district is unknown.
     */
    public static Optional<PlacementDistance> placementDistance(String homeDistrict, String settingDistrict,
            String councilOnsCode) {
        return find(homeDistrict).flatMap(home -> find(settingDistrict).map(setting -> {
            double miles = Math.round(home.milesTo(setting) * 10) / 10.0;
            return new PlacementDistance(miles, miles <= DFE_DISTANCE_BAND_MILES
                    ? DistanceBand.TWENTY_MILES_OR_LESS : DistanceBand.OVER_TWENTY_MILES,
                    setting.isInsideArea(councilOnsCode));
        }));
    }

    /** The DfE's distance bands for children looked after. */
    public enum DistanceBand {
        TWENTY_MILES_OR_LESS, OVER_TWENTY_MILES
    }

    /** A placement's distance from home, its band, and whether it is inside the placing council's area. */
    public record PlacementDistance(double miles, DistanceBand band, boolean insideArea) {
    }

    /** Miles between two districts' centroids, if both are known. */
    public static Optional<Double> milesBetween(String from, String to) {
        return find(from).flatMap(a -> find(to).map(a::milesTo));
    }

    private static Map<String, District> load() {
        Map<String, District> districts = new HashMap<>(4096);
        try (InputStream in = PostcodeDistricts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = csvFields(line);
                if (f.length != 7) {
                    throw new IllegalStateException(RESOURCE + ": unexpected row " + line);
                }
                districts.put(f[0], new District(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3], f[4],
                        f[5], Double.parseDouble(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(districts);
    }

    /** One CSV row's fields; only authority names are quoted (e.g. "Bournemouth, Christchurch and Poole"). */
    private static String[] csvFields(String line) {
        List<String> fields = new ArrayList<>(7);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
