package uk.gov.dps.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The official OCDS 1.1 package schemas (draft-04), with extensions applied the way OCDS tools apply them: each
 * extension's {@code release-schema.json} is a JSON Merge Patch (RFC 7386) on the core release schema. The package
 * schemas name the release schema by its URL; that URL is answered with the patched local copy, so validation never
 * goes to the network. The files are the ones the repository ships (transparency-service's {@code ocds/} folder).
 */
public final class OcdsSchemas {

    public static final String RELEASE_SCHEMA_URL =
            "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema releasePackage;
    private final JsonSchema recordPackage;
    private final JsonNode releaseSchema;

    private OcdsSchemas(Function<String, InputStream> files, List<String> extensions) {
        ObjectNode release = (ObjectNode) read(files, "standard-1.1/release-schema.json");
        for (String extension : extensions) {
            mergePatch(release, read(files, extension + "/release-schema.json"));
        }
        this.releaseSchema = release;
        String patched = release.toString();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(RELEASE_SCHEMA_URL, patched))));
        this.releasePackage = factory.getSchema(read(files, "standard-1.1/release-package-schema.json"));
        this.recordPackage = factory.getSchema(read(files, "standard-1.1/record-package-schema.json"));
    }

    /**
     * @param ocdsFolder the folder with {@code standard-1.1/} and one folder per extension
     * @param extensions the extension folders to apply, in order (e.g. lots, techniques, uk)
     */
    public static OcdsSchemas fromFolder(Path ocdsFolder, String... extensions) {
        return new OcdsSchemas(name -> {
            try {
                return Files.newInputStream(ocdsFolder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, List.of(extensions));
    }

    /** The same, from the class path (e.g. {@code ocds} in a service's resources). */
    public static OcdsSchemas fromClasspath(String base, String... extensions) {
        return new OcdsSchemas(name -> {
            InputStream in = OcdsSchemas.class.getClassLoader().getResourceAsStream(base + "/" + name);
            if (in == null) {
                throw new IllegalArgumentException("not on the class path: " + base + "/" + name);
            }
            return in;
        }, List.of(extensions));
    }

    /** The release schema with the extensions applied. */
    public JsonNode releaseSchema() {
        return releaseSchema;
    }

    /** What is wrong with a release package; empty when it validates. */
    public List<String> releasePackageErrors(JsonNode releasePackage) {
        return messages(this.releasePackage, releasePackage);
    }

    /** What is wrong with a record package; empty when it validates. */
    public List<String> recordPackageErrors(JsonNode recordPackage) {
        return messages(this.recordPackage, recordPackage);
    }

    private static List<String> messages(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** RFC 7386: null removes a member, an object patches an object, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject()) {
                JsonNode existing = target.get(field.getKey());
                ObjectNode into = existing != null && existing.isObject() ? (ObjectNode) existing
                        : target.putObject(field.getKey());
                mergePatch(into, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static JsonNode read(Function<String, InputStream> files, String name) {
        try (InputStream in = files.apply(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OCDS schema " + name, e);
        }
    }
}
