package uk.gov.dps.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * govuk-frontend's stylesheet loads its fonts and images from {@code /assets/} (the path its precompiled CSS is
 * built with). They are served from the WebJar on the class path, as the stylesheet and script are under
 * {@code /webjars/}: nothing is copied into this module.
 */
@Path("/assets")
public class Assets {

    static final String WEBJAR = "META-INF/resources/webjars/govuk-frontend/";
    static final String ROOT = WEBJAR + version() + "/dist/govuk/assets/";

    private static final Map<String, String> TYPES = Map.of("woff2", "font/woff2", "woff", "font/woff", "svg",
            "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "json", "application/manifest+json");

    @GET
    @Path("{path: .+}")
    public Response asset(@PathParam("path") String path) throws IOException {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        if (path.contains("..") || !TYPES.containsKey(extension)) {
            return Response.status(404).build();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Response.status(404).build();
            }
            // file names of fonts carry a hash of their content; images change only with the WebJar's version
            return Response.ok(in.readAllBytes(), TYPES.get(extension))
                    .header("Cache-Control", "public, max-age=86400").build();
        }
    }

    /** The WebJar's version, from the Maven metadata it carries, so upgrading it is one line in the pom. */
    static String version() {
        try (InputStream in = Assets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("govuk-frontend's WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
