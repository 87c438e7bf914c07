package jp.mynadesk.cli;

import java.util.concurrent.Callable;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mynadesk card ...}: the virtual My Number card. */
@Command(name = "card", description = "仮想マイナンバーカード / the virtual My Number card",
        subcommands = CardCommand.Profiles.class)
final class CardCommand {

    @Command(name = "profiles", description = "組み込みのカードプロファイルを一覧表示します")
    static final class Profiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            for (CardProfile p : CardProfiles.list()) {
                out.printf("%-16s %s%n", p.name(), p.description());
            }
            return Main.OK;
        }
    }
}
