package uk.gov.dps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * What a person typing {@code ./dps ...} sees when the command line is wrong or asks for help. None of these reach a
 * stack: refusals happen before anything runs.
 */
class DpsCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int dps(String... args) {
        CommandLine commandLine = Dps.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aMissingOptionValueIsRefusedWithTheCommandsUsage() {
        assertEquals(2, dps("logs", "-n"));

        assertTrue(err.toString().startsWith("Missing required parameter for option '--lines' (N)"), err.toString());
        assertTrue(err.toString().contains("Usage: dps logs"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        assertEquals(2, dps("logs", "-n", "many"));

        assertTrue(err.toString().contains("Invalid value for option '--lines': 'many' is not an int"), err.toString());
    }

    @Test
    void anUnknownOptionIsRefusedNotIgnored() {
        assertEquals(2, dps("up", "--infar"));

        assertTrue(err.toString().startsWith("Unknown option: '--infar' (did you mean --infra?)\n"), err.toString());
        assertTrue(err.toString().contains("Usage: dps up [-h] [--infra]"), err.toString());
    }

    @Test
    void theScriptCanCheckACommandLineBeforeItBuilds() {
        CommandLine commandLine = Dps.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        assertEquals(0, Dps.parseOnly(commandLine, new String[] {"up", "--infra"}));
        assertEquals("", err.toString());
        assertEquals(2, Dps.parseOnly(commandLine, new String[] {"up", "--infar"}));
        assertTrue(err.toString().startsWith("Unknown option: '--infar' (did you mean --infra?)\n"), err.toString());
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertEquals(2, dps("upp"));

        assertTrue(err.toString().startsWith("Unmatched argument at index 0: 'upp' (did you mean up?)\n"), err.toString());
        assertTrue(err.toString().contains("Usage: dps [-h] COMMAND"), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"up", "down", "status", "logs", "token", "reset", "demo"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, dps(command, "--help"), command);
            assertTrue(out.toString().contains("Usage: dps " + command), out.toString());
        }
        assertEquals("", err.toString());
    }

    @Test
    void helpListsEveryCommandIncludingThoseOfTheScript() {
        assertEquals(0, dps("--help"));

        for (String command : new String[] {"up", "down", "status", "logs", "token", "reset", "demo", "test", "bench"}) {
            assertTrue(out.toString().contains("\n  " + command + " "), command + " missing from\n" + out);
        }
    }

    @Test
    void logsHelpNamesItsOptions() {
        assertEquals(0, dps("logs", "--help"));

        assertTrue(out.toString().contains("-n, --lines=N"), out.toString());
        assertTrue(out.toString().contains("--[no-]follow"), out.toString());
    }

    @Test
    void tokenArgumentsAreCheckedBeforeKeycloakOrItsPasswordIsNeeded() {
        assertEquals(2, dps("token", "--role", "mayor", "--council", "essex"));
        assertTrue(err.toString().startsWith("unknown role 'mayor'; choose one of commissioner,"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, dps("token", "--client", "kent-system"));
        assertTrue(err.toString().startsWith("unknown client 'kent-system'; choose one of cambridgeshire-system,"
                + " peterborough-system"), err.toString());
        assertTrue(err.toString().contains("councils: cambridgeshire, peterborough, essex, suffolk, thurrock"),
                err.toString());
    }

    @Test
    void resetWithoutConfirmationDeletesNothing() {
        assertEquals(2, dps("reset"));

        assertTrue(err.toString().contains("run ./dps reset --yes"), err.toString());
    }
}
