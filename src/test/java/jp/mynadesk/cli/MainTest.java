package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class MainTest {
    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of(CeilingCommand.class), Main.commandsFor(new String[] {"ceiling", "--json"}));
        assertEquals(List.of(InsurerNumberCommand.class), Main.commandsFor(new String[] {"insurer-number", "check", "01130012"}));
    }

    @Test
    void aVersionRequestBuildsNoSubcommand() {
        assertEquals(List.of(), Main.commandsFor(new String[] {"--version"}));
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCode.OK.status, run.exitCode());
        assertTrue(run.out().startsWith("mynadesk "), run.out());
    }

    @Test
    void rootHelpAndUnknownWordsListEveryCommand() {
        assertEquals(Main.commands(), Main.commandsFor(new String[] {"--help"}));
        assertEquals(Main.commands(), Main.commandsFor(new String[] {"no-such-command"}));
        CliRun help = CliRun.of("--help");
        assertEquals(ExitCode.OK.status, help.exitCode());
        for (Class<?> command : Main.commands()) {
            String name = command.getAnnotation(Command.class).name();
            assertTrue(help.out().contains("  " + name + " "), name + " missing from the root help");
        }
    }

    @Test
    void theNamedSubcommandStillRuns() {
        CliRun run = CliRun.of("insurer-number", "check", "01130012");
        assertEquals(ExitCode.OK.status, run.exitCode(), run.err());
    }
}
