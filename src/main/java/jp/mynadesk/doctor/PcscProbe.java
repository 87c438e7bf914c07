package jp.mynadesk.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.PcscProblem;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.reader.ReaderInfo;

/**
 * What PC/SC said, asked once for the pcscd, reader and card checks: the readers with card presence and ATR, or why
 * they could not be listed. Every call into PC/SC runs within the time limit.
 */
final class PcscProbe {
    /** The listing's outcome: the readers, or the problem (with {@code timedOut} when pcscd did not answer). */
    record Listing(CardReaders readers, List<ReaderInfo> infos, PcscProblem problem, boolean timedOut) {
        boolean ok() {
            return problem == null && !timedOut;
        }
    }

    /** Which reader the desk would use: the one found, or why there is none (several, none, no match). */
    record Choice(ReaderInfo reader, List<ReaderInfo> matches) {}

    private final PcscAccess access;
    private final String wanted;
    private final Duration limit;
    private Listing listing;

    PcscProbe(PcscAccess access, String wanted, Duration limit) {
        this.access = access;
        this.wanted = wanted == null || wanted.isBlank() ? null : wanted;
        this.limit = limit;
    }

    String wanted() {
        return wanted;
    }

    Duration limit() {
        return limit;
    }

    synchronized Listing listing() {
        if (listing == null) {
            listing = list();
        }
        return listing;
    }

    private Listing list() {
        try {
            return Bounded.call("pcsc", limit, () -> {
                CardReaders readers = access.open();
                return new Listing(readers, readers.list(), null, false);
            });
        } catch (TimeoutException e) {
            return new Listing(null, List.of(), PcscProblem.TIMEOUT, true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            PcscProblem problem = cause instanceof ReaderException r ? r.problem() : PcscProblem.classify(cause);
            if (problem == PcscProblem.NO_READERS) {
                return new Listing(null, List.of(), null, false); // pcscd answered: it has no reader
            }
            return new Listing(null, List.of(), problem, false);
        }
    }

    /**
     * The reader the desk would take, by CardReaders' rule: the name itself, else the only reader containing it
     * (ignoring case); the first reader when no name is set.
     */
    Choice choose(List<ReaderInfo> infos) {
        if (wanted == null) {
            return new Choice(infos.isEmpty() ? null : infos.get(0), infos);
        }
        List<ReaderInfo> matches = new ArrayList<>();
        for (ReaderInfo r : infos) {
            if (r.name().equals(wanted)) {
                return new Choice(r, List.of(r));
            }
            if (r.name().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))) {
                matches.add(r);
            }
        }
        return new Choice(matches.size() == 1 ? matches.get(0) : null, matches);
    }

    /** "A、B" (or "なし") for messages. */
    static String names(List<ReaderInfo> infos) {
        if (infos.isEmpty()) {
            return "なし";
        }
        List<String> names = new ArrayList<>();
        for (ReaderInfo r : infos) {
            names.add("「" + r.name() + "」");
        }
        return String.join("、", names);
    }
}
