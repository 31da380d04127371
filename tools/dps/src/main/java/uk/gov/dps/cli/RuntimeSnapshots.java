package uk.gov.dps.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.io.FileUtils;

/**
 * Copies of what a long-running process executes, under {@code .dps/runtime/<name>-<fingerprint>/}. Processes run
 * from the copy, so a {@code mvn clean install} while the stack is up cannot pull jars from under them; and the
 * fingerprint (paths, sizes, modification times) tells whether a running service is older than the last build.
 */
final class RuntimeSnapshots {

    private final Path runtimeDir;
    private final Path scratchDir;

    RuntimeSnapshots(StackConfig config) {
        this.runtimeDir = config.home().resolve("runtime");
        this.scratchDir = config.tmp();
    }

    /** The snapshot directory of the files under {@code base} (made now unless it exists). */
    Path snapshot(String name, Path base, List<Path> files) throws IOException {
        Path snapshot = runtimeDir.resolve(name + "-" + fingerprint(base, files));
        if (Files.isDirectory(snapshot)) {
            return snapshot;
        }
        Path scratch = scratchDir.resolve("snapshot-" + snapshot.getFileName());
        FileUtils.deleteDirectory(scratch.toFile());
        for (Path file : files) {
            Path target = scratch.resolve(base.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createDirectories(runtimeDir);
        Files.move(scratch, snapshot, StandardCopyOption.ATOMIC_MOVE); // complete or absent, never half
        return snapshot;
    }

    /** Every regular file below {@code dir}, e.g. a Quarkus fast-jar's {@code quarkus-app}. */
    static List<Path> filesBelow(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Deletes snapshots that none of the given command lines mentions. */
    void deleteUnused(Collection<String> commandLinesInUse) {
        if (!Files.isDirectory(runtimeDir)) {
            return;
        }
        try (Stream<Path> snapshots = Files.list(runtimeDir)) {
            for (Path snapshot : snapshots.toList()) {
                String path = snapshot.toAbsolutePath().toString();
                if (commandLinesInUse.stream().noneMatch(cmd -> cmd.contains(path + "/"))) {
                    FileUtils.deleteDirectory(snapshot.toFile());
                }
            }
        } catch (IOException e) {
            System.err.println("  could not clean " + runtimeDir + ": " + e.getMessage());
        }
    }

    private static String fingerprint(Path base, List<Path> files) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(base.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                    .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
