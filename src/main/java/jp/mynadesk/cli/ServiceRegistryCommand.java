package jp.mynadesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.mynadesk.oqs.server.RegistryGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk service registry}: synthetic registries for the mock service. */
@Command(name = "registry", description = "模擬サービスの登録者ファイル / registry files for the mock service",
        subcommands = ServiceRegistryCommand.Generate.class)
final class ServiceRegistryCommand {

    @Command(name = "generate", description = "架空の登録者を N 人分、行形式で書き出します / write N synthetic people in the lines format")
    static final class Generate implements Callable<Integer> {
        /** Far beyond any single insurer (the largest 広域連合 has about 1.7 million people). */
        static final int MAX_PEOPLE = 50_000_000;

        @Spec
        CommandSpec spec;

        @Option(names = "--people", required = true, description = "人数 1〜" + MAX_PEOPLE + " / number of people")
        int people;

        @Option(names = "--out", required = true, description = "書き出すファイル（上書きします）/ output file (replaced)")
        Path out;

        @Option(names = "--seed", defaultValue = "1", description = "乱数の種 / seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            if (people < 1 || people > MAX_PEOPLE) {
                throw CliException.badInput("--people は 1〜" + MAX_PEOPLE + " の整数で指定してください（指定値: " + people + "）");
            }
            try {
                RegistryGenerator.write(out, people, seed);
            } catch (IOException e) {
                throw CliException.badInput("--out: " + out + " に書き込めません / cannot write: " + e.getMessage());
            }
            spec.commandLine().getOut().printf("%,d 人を書き出しました / wrote %,d people: %s%n", people, people, out);
            return ExitCode.OK.status;
        }
    }
}
