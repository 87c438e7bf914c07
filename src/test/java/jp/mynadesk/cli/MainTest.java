package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
    /** The one-shot lookup's names are the commands' own (a renamed command would otherwise not be found by it). */
    @Test
    void theNameTableIsWhatEachCommandCallsItself() {
        List<String> annotated = Main.commands().stream()
                .map(c -> c.getAnnotation(picocli.CommandLine.Command.class))
                .peek(a -> assertEquals(0, a.aliases().length, a.name() + " has aliases the table does not know"))
                .map(picocli.CommandLine.Command::name).toList();
        assertEquals(annotated, Main.NAMES);
        for (int i = 0; i < Main.NAMES.size(); i++) {
            // each is found by its name alone, and only it is built
            assertEquals(List.of(Main.commands().get(i)), Main.commandsFor(new String[] {Main.NAMES.get(i), "--help"}));
        }
    }

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
    void rootHelpAndUnknownWordsListEveryCommandByPlaceholder() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {}, new String[] {"no-such-command"})) {
            assertEquals(List.of(), Main.commandsFor(args), String.join(" ", args));
            assertEquals(Main.commands(), Main.placeholdersFor(args), String.join(" ", args));
        }
        CommandLine check = Main.commandLine(new String[] {"--help"}).getSubcommands().get("check");
        // a placeholder: neither check's own options (not reflected) nor the root's -h/-V (not inherited)
        assertEquals(List.of(), check.getCommandSpec().options());
        CliRun help = CliRun.of("--help");
        assertEquals(ExitCode.OK.status, help.exitCode());
        for (Class<?> command : Main.commands()) {
            String name = command.getAnnotation(Command.class).name();
            assertTrue(help.out().contains("  " + name + " "), name + " missing from the root help");
        }
    }

    @Test
    void helpBuildsTheCommandsItNames() {
        assertEquals(List.of(HelpCommand.class, CheckCommand.class, DocsCommand.class),
                Main.commandsFor(new String[] {"help", "docs", "check"}));
        assertEquals(List.of(HelpCommand.class, DbCommand.class), Main.commandsFor(new String[] {"help", "db"}));
        assertTrue(Main.placeholdersFor(new String[] {"help", "db"}).contains(CheckCommand.class));
        assertFalse(Main.placeholdersFor(new String[] {"help", "db"}).contains(DbCommand.class));
        assertEquals(List.of(HelpCommand.class), Main.commandsFor(new String[] {"help"}));
    }

    @Test
    void anAtFileMayNameAnyCommandSoAllAreBuilt(@TempDir Path dir) throws IOException {
        assertEquals(Main.commands(), Main.commandsFor(new String[] {"@args.txt"}));
        assertEquals(List.of(), Main.placeholdersFor(new String[] {"@args.txt"}));
        Path args = Files.writeString(dir.resolve("args.txt"), "insurer-number\ncheck\n01130012\n");
        CliRun run = CliRun.of("@" + args);
        assertEquals(ExitCode.OK.status, run.exitCode(), run.err());
    }

    @Test
    void aOneShotCommandHasNoPlaceholders() {
        assertEquals(List.of(), Main.placeholdersFor(new String[] {"ceiling", "--json"}));
        assertEquals(List.of(), Main.placeholdersFor(new String[] {"--version"}));
        assertEquals(List.of("ceiling"),
                List.copyOf(Main.commandLine(new String[] {"ceiling"}).getSubcommands().keySet()));
    }

    @Test
    void theNamedSubcommandStillRuns() {
        CliRun run = CliRun.of("insurer-number", "check", "01130012");
        assertEquals(ExitCode.OK.status, run.exitCode(), run.err());
    }
}
