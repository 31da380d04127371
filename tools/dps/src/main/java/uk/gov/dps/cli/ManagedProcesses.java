package uk.gov.dps.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Detached processes with a pid file each ({@code .dps/run/<name>.pid}) and a log ({@code .dps/logs/<name>.log}).
 * A pid counts as ours only while its command line names this stack's state directory, so a pid reused by an
 * unrelated process after a reboot is never signalled.
 */
final class ManagedProcesses {

    private final Path home;
    private final Path runDir;
    private final Path logDir;

    ManagedProcesses(StackConfig config) {
        this.home = config.home().toAbsolutePath();
        this.runDir = config.run();
        this.logDir = config.logs();
    }

    /** JVM flags that mark a process as part of this stack (see {@link #isOurs} and {@link #allOurs}). */
    List<String> markerArgs(String name) {
        return List.of("-Ddps.component=" + name, "-Ddps.home=" + home);
    }

    Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    /**
     * Starts {@code command} in a new session (setsid): Ctrl-C on {@code dps up} or closing the terminal does not
     * reach it, and it outlives the CLI. stdin is /dev/null; stdout and stderr are appended to the log.
     */
    ProcessHandle start(String name, List<String> command, Map<String, String> environment, Path workingDirectory) {
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(logDir);
            Path log = logFile(name);
            Files.writeString(log, "---- " + java.time.OffsetDateTime.now() + " starting " + name + ": "
                    + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            List<String> full = new ArrayList<>();
            if (new File("/usr/bin/setsid").canExecute() || new File("/bin/setsid").canExecute()) {
                full.add("setsid"); // not a process-group leader here, so setsid execs in place: the pid stays ours
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile(name), Long.toString(process.pid()), StandardCharsets.UTF_8);
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The live process named in the pid file, if it is still one of ours. */
    Optional<ProcessHandle> running(String name) {
        Path file = pidFile(name);
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isOurs(ProcessHandle process) {
        return commandLine(process.pid()).contains(home.toString());
    }

    /** Every live process whose command line names this stack's state directory, e.g. left over after a lost pid file. */
    List<ProcessHandle> allOurs() {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> commandLine(p.pid()).contains("-Ddps.home=" + home)
                        || commandLine(p.pid()).contains(home + "/keycloak"))
                .toList();
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGTERM to the process, then SIGKILL to whatever of its tree is still alive after {@code grace}. The tree is
     * collected first: once the parent is gone its children are re-parented and no longer found through it.
     *
     * @return true when it stopped within the grace period
     */
    static boolean stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        root.destroy();
        boolean graceful = waitForExit(root, grace);
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        tree.forEach(p -> waitForExit(p, Duration.ofSeconds(5)));
        return graceful;
    }

    static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** /proc/<pid>/cmdline with NULs as spaces; ProcessHandle.Info can come back empty for other users' processes. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | UncheckedIOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        }
    }
}
