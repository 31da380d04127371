package uk.gov.dps.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the stand-alone mains ({@link KafkaMain}, {@link PostgresMain}) share: quiet logging, and a ready file
 * holding the process id, written once the component can serve and removed when it stops. {@code dps up}
 * waits for that file rather than for an open port, because a port opens before topics or databases exist.
 */
public final class StandaloneMain {

    private StandaloneMain() {
    }

    /** Must run before the first logger is created: slf4j-simple reads these once. */
    static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        // Kafka logs every config value and state change at INFO: hundreds of lines per start.
        for (String category : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
            setIfAbsent("org.slf4j.simpleLogger.log." + category, "warn");
        }
    }

    static void requireArguments(String[] args, int count, String usage) {
        if (args.length < count) {
            System.err.println("usage: " + usage);
            System.exit(2);
        }
    }

    static void markReady(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void unmarkReady(Path readyFile) {
        try {
            Files.deleteIfExists(readyFile);
        } catch (IOException e) {
            // the file names a pid that is gone; the CLI ignores such a file
        }
    }

    /** True when {@code pid} wrote the component's ready file (a stale file from a killed process does not count). */
    public static boolean isReady(Path readyFile, long pid) {
        try {
            return Long.toString(pid).equals(Files.readString(readyFile).trim());
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitTermination() {
        try {
            Thread.currentThread().join(); // until SIGTERM runs the shutdown hooks and the JVM exits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
