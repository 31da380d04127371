package uk.gov.dps.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The repository these tests check: its root, files, and the few facts read from the parent pom. */
final class Repo {

    static final Path ROOT = findRoot();
    static final ObjectMapper JSON = new ObjectMapper();

    private Repo() {
    }

    /** Surefire runs in the module directory (platform/deployment); the root holds the parent pom and k8s/. */
    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml and k8s/) above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        Path file = path(relative);
        assertTrue(Files.isRegularFile(file), "missing file " + relative);
        return read(file);
    }

    /** YAML (anchors and merge keys resolved, as Compose and kubectl do) as plain maps, lists and scalars. */
    static List<Object> yamlDocuments(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        List<Object> docs = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(text)) {
            if (doc != null) {
                docs.add(doc);
            }
        }
        return docs;
    }

    static JsonNode yamlAsJson(String text) {
        List<Object> docs = yamlDocuments(text);
        assertTrue(docs.size() == 1, "expected one YAML document, found " + docs.size());
        return JSON.valueToTree(docs.get(0));
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resourceJson(String name) {
        try (InputStream in = Repo.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pom as Maven reads it (the file itself: no parent or profiles applied). */
    static Model pom(String relative) {
        Path file = path(relative);
        assertTrue(Files.isRegularFile(file), "missing file " + relative);
        try (Reader in = Files.newBufferedReader(file)) {
            return new MavenXpp3Reader().read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XmlPullParserException e) {
            throw new IllegalStateException(relative + " is not a valid pom", e);
        }
    }

    /** A {@code <properties>} value of the parent pom (or {@code project.version}). */
    static String parentPomProperty(String name) {
        Model pom = pom("pom.xml");
        String value = name.equals("project.version") ? pom.getVersion() : pom.getProperties().getProperty(name);
        assertTrue(value != null, "no " + name + " in pom.xml");
        return value.trim();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
