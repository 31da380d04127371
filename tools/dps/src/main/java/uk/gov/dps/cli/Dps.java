package uk.gov.dps.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import uk.gov.dps.demo.DemoException;

/**
 * The {@code dps} command line: what each command accepts, its help, and refusals of anything else (an unknown
 * option or a missing value is a one-line message, the command's usage and exit code 2). What the commands do is
 * {@link DevStack}. {@code test} and {@code bench} are composed by the {@code ./dps} script from Maven runs.
 */
@Command(name = "dps", synopsisSubcommandLabel = "COMMAND",
        description = "Runs the DPS platform on this machine: PostgreSQL, Kafka, Keycloak and an SMTP server without"
                + " Docker, and the seven services.",
        subcommands = {Dps.Up.class, Dps.Down.class, Dps.Status.class, Dps.Logs.class, Dps.Token.class,
                Dps.Reset.class, Dps.Demo.class, CommandLine.HelpCommand.class},
        footerHeading = "%nRun by the ./dps script itself:%n",
        footer = {"  test          mvn install, up, the e2e tests, demo and its scenario, down",
                "  bench         measure the running stack (event hop, REST p99, memory)",
                "  bench replay  how fast the consumers apply a backlog of 1,000,000 events",
                "", "./dps COMMAND --help shows a command's options."})
public final class Dps implements Runnable {

    /** -h / --help on every command. */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;
    }

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        if ("1".equals(System.getenv("DPS_PARSE_ONLY"))) {
            // ./dps checks the command line before it builds what `up` or `demo` run: a typo must not cost a build.
            System.exit(parseOnly(commandLine, args));
        }
        System.exit(commandLine.execute(args));
    }

    /** 0 when {@code args} would run a command, else what a refused command line exits with (its message printed). */
    static int parseOnly(CommandLine commandLine, String[] args) {
        try {
            commandLine.parseArgs(args);
            return 0;
        } catch (ParameterException e) {
            try {
                return commandLine.getParameterExceptionHandler().handleParseException(e, args);
            } catch (Exception unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    /** The command line with its error handling: a failure the user can act on is one line, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Dps()).setUsageHelpWidth(100);
        // The choices `token` accepts, read from the realm file Keycloak imports (platform/infra).
        DpsRealm realm = DpsRealm.load();
        commandLine.getSubcommands().get("token").getCommandSpec().usageMessage().footer(
                "  roles:    " + String.join(", ", realm.roles()),
                "  councils: " + String.join(", ", realm.councils()),
                "  clients:  " + String.join(", ", realm.systemClients()));
        // A wrong command line: one line saying what is wrong (with picocli's guess at what was meant), then the
        // usage of the command it was meant for, exit code 2.
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            String message = e.getMessage();
            if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
            }
            err.println(message);
            cmd.usage(err);
            err.flush();
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof UncheckedIOException || e instanceof DemoException) {
                err.println("dps: " + e.getMessage());
            } else {
                err.println("dps: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The stack this invocation works on, from the environment (see {@link StackConfig}). */
    static DevStack stack() {
        return new DevStack(StackConfig.fromEnvironment());
    }

    @Command(name = "up", header = "Start PostgreSQL, Kafka, Keycloak, SMTP and the seven services; wait until ready.",
            description = {"Start PostgreSQL, Kafka, Keycloak and the SMTP server, then the seven services; wait until"
            + " all are ready and print their addresses. Running it again is harmless; a service rebuilt since it"
            + " started is restarted. The dps script builds what changed first."})
    static final class Up implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @Option(names = "--infra", description = "Only PostgreSQL, Kafka, Keycloak and SMTP (e.g. to run a service in"
                + " quarkus:dev).")
        boolean infraOnly;

        @Override
        public Integer call() throws Exception {
            return stack().up(infraOnly);
        }
    }

    @Command(name = "down", header = "Stop everything `up` started.", description = "Stop everything `up` started (services first, then the infrastructure)"
            + " and check that no port is left open.")
    static final class Down implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @Override
        public Integer call() throws Exception {
            return stack().down();
        }
    }

    @Command(name = "status", header = "What runs, on which port, and whether it is ready.", description = "What runs, on which port, and whether it is ready (exit code 0 only"
            + " when all are ready).")
    static final class Status implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @Override
        public Integer call() {
            return stack().status();
        }
    }

    @Command(name = "logs", header = "Show the last lines of the logs and follow them.", description = "Show the last lines of the logs in .dps/logs and follow them"
            + " (Ctrl-C stops).")
    static final class Logs implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "50",
                description = "How many lines of each log to show first (default: ${DEFAULT-VALUE}).")
        int lines;

        @Option(names = {"-f", "--follow"}, negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Keep printing what is appended (default); --no-follow stops after the last lines.")
        boolean follow;

        @Parameters(paramLabel = "COMPONENT", arity = "0..*", description = "postgres, kafka, keycloak, smtp or a service"
                + " (provider-service, ...); all when none is given.")
        List<String> components = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (lines < 0) {
                throw new ParameterException(spec.commandLine(), "-n must be 0 or more, was " + lines);
            }
            return stack().logs(lines, follow, components);
        }
    }

    @Command(name = "token", header = "Print an access token of a demo user or a council system.",
            description = "Print only the access token, for TOKEN=$(./dps token ...): of a demo user with --role,"
                    + " --council and, for role provider, --provider (the user is made on first use); or of a council"
                    + " system with --client (client-credentials grant).", footerHeading = "%n")
    static final class Token implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @Option(names = "--role", paramLabel = "ROLE", description = "A realm role, e.g. commissioner.")
        String role;

        @Option(names = "--council", paramLabel = "COUNCIL", description = "The user's council, e.g. cambridgeshire.")
        String council;

        @Option(names = "--provider", paramLabel = "PROVIDER_ID",
                description = "The provider organisation's id (UUID); needed with --role provider.")
        String provider;

        @Option(names = "--client", paramLabel = "CLIENT_ID", description = "A system client, e.g."
                + " cambridgeshire-system (client-credentials grant).")
        String client;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DpsRealm realm = DpsRealm.load();
            String token;
            if (client != null) {
                if (role != null || council != null || provider != null) {
                    throw invalid("--client takes no --role, --council or --provider");
                }
                if (!realm.systemClients().contains(client)) {
                    throw invalid("unknown client '" + client + "'; choose one of "
                            + String.join(", ", realm.systemClients()));
                }
                token = KeycloakTokens.forStack(StackConfig.fromEnvironment()).systemToken(client);
            } else {
                String problem = KeycloakTokens.invalidUserArguments(realm, role, council, provider);
                if (problem != null) {
                    throw invalid(problem);
                }
                token = KeycloakTokens.forStack(StackConfig.fromEnvironment()).userToken(role, council, provider);
            }
            spec.commandLine().getOut().println(token);
            return 0;
        }

        private ParameterException invalid(String problem) {
            return new ParameterException(spec.commandLine(), problem);
        }
    }

    @Command(name = "reset", header = "Stop the stack and delete its data.", description = "`down`, then delete the stack's data: PostgreSQL, Kafka and Keycloak's"
            + " database (e.g. after migrations were rewritten).")
    static final class Reset implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @Option(names = "--yes", description = "Required: confirms that the data goes.")
        boolean yes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!yes) {
                throw new ParameterException(spec.commandLine(), "dps reset deletes the stack's data (.dps/data) and"
                        + " Keycloak's database; run ./dps reset --yes");
            }
            return stack().reset();
        }
    }

    @Command(name = "demo", header = "Load the committee paper's DPS as of 4 March 2019; print the report.",
            description = "Run the platform as of 4 March 2019, load the committee paper's DPS"
            + " through the public APIs (a re-run changes nothing) and print the report.")
    static final class Demo implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @Option(names = "--report-only", description = "Only print the report of the demo already loaded"
                + " (the stack must be up).")
        boolean reportOnly;

        @Override
        public Integer call() throws Exception {
            return stack().demo(reportOnly);
        }
    }
}
