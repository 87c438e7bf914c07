package jp.mynadesk.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli's parse errors in Japanese, naming the option and what it allows (its own texts are English and may
 * name Java types such as {@code java.time.LocalDate}). Every message ends with where to find the help.
 */
final class UsageErrors {
    private UsageErrors() {}

    static String message(ParameterException e) {
        String help = "使い方は " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help で確かめられます。";
        return what(e) + help;
    }

    private static String what(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            String kind = first.startsWith("-") ? "このコマンドにないオプションです" : "余分な引数か、ないサブコマンドです";
            String near = u.getSuggestions().isEmpty() ? "" : "（近いもの: " + String.join(", ", u.getSuggestions()) + "）";
            return "「" + String.join(" ", unmatched) + "」: " + kind + near + "。";
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            String names = m.getMissing().stream().map(UsageErrors::name).collect(Collectors.joining(", "));
            boolean valueMissing = m.getMissing().stream().allMatch(a -> a.isOption()) && e.getMessage().contains("Missing required parameter for option");
            return valueMissing ? names + " の値がありません。" : "必要な指定がありません: " + names + "。";
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return name(o.getOverwritten()) + " が2回指定されています。1回だけ指定してください。";
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "同時には指定できないオプションが指定されています。";
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return "引数が多すぎます。";
        }
        CommandLine command = e.getCommandLine();
        if (e.getArgSpec() == null && !command.getSubcommands().isEmpty()) {
            return "コマンドを指定してください（" + String.join(", ", command.getSubcommands().keySet()) + "）。";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null) {
            String value = e.getValue() == null ? "" : " " + e.getValue();
            return name(arg) + value + ": " + allowed(arg, e.getCause());
        }
        return "コマンドラインの指定が正しくありません。";
    }

    /** Our converters explain themselves in Japanese; for built-in types say what the option takes. */
    private static String allowed(ArgSpec arg, Throwable cause) {
        if (cause instanceof TypeConversionException t && isJapanese(t.getMessage())) {
            return t.getMessage();
        }
        Class<?> type = arg.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "整数（半角数字）を指定してください。";
        }
        if (type.isEnum()) {
            return "次のいずれかを指定してください: " + String.join(", ", arg.completionCandidates()) + "。";
        }
        return "この値は使えません。" + (arg.paramLabel() == null ? "" : arg.paramLabel() + " の形で指定してください。");
    }

    private static boolean isJapanese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
    }

    static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            List<String> longNames = java.util.Arrays.stream(o.names()).filter(n -> n.startsWith("--")).toList();
            return longNames.isEmpty() ? o.longestName() : String.join("/", longNames);
        }
        return arg.paramLabel();
    }
}
