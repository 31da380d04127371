package uk.gov.dps.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders kustomizations with `kubectl kustomize` (offline: no cluster needed), once per directory. */
final class Kustomize {

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The overlay directories under k8s/overlays. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(Repo.path("k8s/overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String render(String relativeDir) {
        return RENDERED.computeIfAbsent(Repo.path(relativeDir).normalize(), Kustomize::run);
    }

    static List<Map<String, Object>> documents(String relativeDir) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : Repo.yamlDocuments(render(relativeDir))) {
            docs.add(Repo.map(doc));
        }
        return docs;
    }

    private static String run(Path dir) {
        String kubectl = System.getProperty("dps.kubectl", "kubectl");
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail("cannot run `" + kubectl + " kustomize`: these tests render k8s/ with kubectl's built-in"
                    + " kustomize. Install kubectl (e.g. apt-get install kubectl from the Google Cloud CLI packages)"
                    + " or pass -Ddps.kubectl=/path/to/kubectl. Cause: " + e.getMessage());
        }
        try {
            // read both streams before waiting so a large output cannot block the process
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                return fail("kubectl kustomize " + Repo.ROOT.relativize(dir) + " failed (exit " + process.exitValue()
                        + "):\n" + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
