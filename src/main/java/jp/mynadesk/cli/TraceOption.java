package jp.mynadesk.cli;

import java.nio.file.Path;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.TraceHeader;
import picocli.CommandLine.Option;

/**
 * {@code --trace FILE} of {@code check}, {@code desk} and {@code demo}: the card's APDUs of this run, written when the
 * run ends (VERIFY masked, docs/TRACE.md). The file is checked before anything runs, so a check is never made only
 * to find the trace cannot be written.
 */
final class TraceOption {
    @Option(names = "--trace", paramLabel = "FILE", description = "カードとの APDU のやりとりを書き出します（暗証番号は伏せ字）")
    String file;

    /** A trace to record into, or null when none was asked for; refuses a FILE that cannot be written (exit 2). */
    ApduTrace start(String cardProfile) {
        if (file == null) {
            return null;
        }
        OutputFiles.check("--trace", Path.of(file));
        ApduTrace apdus = new ApduTrace();
        apdus.header(TraceHeader.thisProgram().withCardProfile(cardProfile));
        return apdus;
    }

    /** Writes what was recorded (nothing when no trace was asked for); true when a file was written. */
    boolean write(ApduTrace apdus) {
        if (apdus == null) {
            return false;
        }
        OutputFiles.writeString("--trace", Path.of(file), apdus.text());
        return true;
    }
}
