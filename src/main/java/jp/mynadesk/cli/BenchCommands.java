package jp.mynadesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code mynadesk bench} lives outside the product (src/bench/java, packaged as target/mynadesk-VERSION-bench.jar, which
 * {@code ./mynadesk bench} puts on the class path): the command when that jar is there, else {@link Missing}, which
 * says how to get it.
 */
final class BenchCommands {
    private BenchCommands() {}

    static final String NAME = "jp.mynadesk.cli.BenchCommand";

    static Class<?> command() {
        try {
            return Class.forName(NAME, false, BenchCommands.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Missing.class;
        }
    }

    @Command(name = "bench", description = "計測（開発用）。ソースから ./mynadesk bench で実行します（target/mynadesk-*-bench.jar が要ります）")
    static final class Missing implements Callable<Integer> {
        @Unmatched
        java.util.List<String> ignored;

        @Override
        public Integer call() {
            throw CliException.unavailable("bench は製品の jar に入っていない開発用のコマンドです。ソースの置き場所で ./mynadesk bench を実行してください"
                    + "（mvn package で target/mynadesk-*-bench.jar が作られます）。");
        }
    }
}
