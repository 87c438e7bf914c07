package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;

/**
 * {@code mynadesk help [COMMAND...]}: the help of any command, nested ones included ({@code help docs check});
 * Picocli's own help command only goes one level down and speaks English.
 */
@Command(name = "help", helpCommand = true, description = "コマンドの使い方を表示します（例: mynadesk help docs check）")
final class HelpCommand implements IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "使い方を知りたいコマンド（入れ子も可）")
    List<String> commands = new ArrayList<>();

    private CommandLine self;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        // Picocli does not report unknown options to a help command: they are only in the parse result.
        List<String> unmatched = self.getParseResult() == null ? List.of() : self.getParseResult().unmatched();
        if (!unmatched.isEmpty()) {
            throw CliException.badInput("「" + String.join(" ", unmatched) + "」: help が受け付けるのはコマンド名だけです（例: mynadesk help docs check）。");
        }
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw CliException.badInput("「" + name + "」というコマンドは " + target.getCommandSpec().qualifiedName()
                        + " にありません。使えるコマンド: " + String.join(", ", target.getSubcommands().keySet()) + "。");
            }
            target = sub;
        }
        target.usage(self.getOut());
        self.getOut().flush();
    }
}
