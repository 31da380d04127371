package uk.gov.dps.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server (GreenMail standalone from Maven Central) that accepts mail for any address and keeps it,
 * with an HTTP API to read what arrived ({@code GET /api/user/<address>/messages/INBOX}). It runs as its own
 * process because its jar bundles its own Jakarta Mail, Jersey and Jackson: tests start one per JVM through
 * {@link #start}; {@code dps up} runs {@link #command} beside the services.
 */
public final class SmtpServer implements AutoCloseable {

    public static final String VERSION = InfraProperties.get("greenmail.version");

    private final Process process;
    private final int smtpPort;
    private final int apiPort;

    private SmtpServer(Process process, int smtpPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    /** The jar in the local Maven repository, where building platform/infra put it. */
    public static Path jar() {
        Path jar = Path.of(InfraProperties.get("maven.local-repository"), "com", "icegreen", "greenmail-standalone",
                VERSION, "greenmail-standalone-" + VERSION + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("GreenMail is not in the local Maven repository (" + jar
                    + "); build platform/infra with Maven to fetch it");
        }
        return jar;
    }

    /** The command that runs the server on 127.0.0.1 with SMTP on {@code smtpPort} and its API on {@code apiPort}. */
    public static List<String> command(String javaHome, int smtpPort, int apiPort) {
        return List.of(Path.of(javaHome, "bin", "java").toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                // any sender, any recipient, no password: a sink for development and tests, never a relay
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-jar", jar().toString());
    }

    /** Starts the server and waits until its API says it is ready; the log goes to {@code logFile}. */
    public static SmtpServer start(Path logFile, int smtpPort, int apiPort) {
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command(System.getProperty("java.home"), smtpPort, apiPort))
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            SmtpServer server = new SmtpServer(process, smtpPort, apiPort);
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isReady(URI api) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(api.resolve("/api/service/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady(api())) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the SMTP server stopped at start (exit " + process.exitValue() + ")");
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the SMTP server was not ready within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Where to read what arrived, e.g. {@code <api>/api/user/<address>/messages/INBOX}. */
    public URI api() {
        return URI.create("http://127.0.0.1:" + apiPort + "/");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
