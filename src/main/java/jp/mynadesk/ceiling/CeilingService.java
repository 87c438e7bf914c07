package jp.mynadesk.ceiling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The one way to the 自己負担限度額, for {@code mynadesk ceiling} and the web desk alike: which class applies (the one
 * the insurance gives, else the one the copayment ratio and age imply, {@link RatioFallback}), the table in force on
 * the day, and the figures as JSON and as text. Callers word the failures for their own screen.
 */
public final class CeilingService {
    private final CeilingTables tables;

    public CeilingService(CeilingTables tables) {
        this.tables = tables;
    }

    public static CeilingService builtIn() {
        return new CeilingService(CeilingTables.builtIn());
    }

    /** Which class applies, and why; or why none can be chosen. */
    public sealed interface Choice {}

    /** {@code source} is {@code given} (the insurance's class) or {@code ratio} (from the ratio and age). */
    public record Chosen(CeilingClass ceilingClass, String source) implements Choice {}

    /** The class code is none this build knows. */
    public record UnknownClass(String code) implements Choice {}

    /** No class: the ratio is none of 010, 020, 030 (or does not fit the age). */
    public record UnknownRatio(String ratio) implements Choice {}

    /** No class, and a ratio without a birth date: the age decides the class. */
    public record NeedsBirthDate() implements Choice {}

    /** Neither a class nor a ratio. */
    public record NothingGiven() implements Choice {}

    /**
     * The class: {@code classCode} when given, else the one {@code ratio} (010, 020, 030) implies for the patient's
     * age on {@code on}.
     */
    public static Choice choose(String classCode, String ratio, LocalDate birthDate, LocalDate on) {
        if (classCode != null) {
            Optional<CeilingClass> given = CeilingClass.ofCode(classCode);
            return given.<Choice>map(c -> new Chosen(c, "given")).orElseGet(() -> new UnknownClass(classCode));
        }
        if (ratio == null) {
            return new NothingGiven();
        }
        if (birthDate == null) {
            return new NeedsBirthDate();
        }
        return RatioFallback.classFor(ratio, birthDate, on).<Choice>map(c -> new Chosen(c, "ratio"))
                .orElseGet(() -> new UnknownRatio(ratio));
    }

    /** The table in force on {@code on}, if the build has one. */
    public Optional<CeilingTable> table(LocalDate on) {
        return tables.forDate(on);
    }

    /** The periods the tables cover, for a message. */
    public String periods() {
        return tables.periods();
    }

    /** The figures for one month of care, with what they are for. */
    public record Figures(CeilingResult result, LocalDate on, Long total, String source) {
        public ObjectNode json() {
            return CeilingJson.write(result, on, total, source);
        }

        public String text() {
            return CeilingJson.human(result, on, source);
        }
    }

    /** The ceiling of {@code chosen} on {@code table}'s day {@code on}. */
    public Figures compute(CeilingTable table, Chosen chosen, Long total, LocalDate on, boolean many, Scope scope,
                           boolean specifiedDisease, boolean dialysis, LocalDate birthDate) throws CeilingException {
        CeilingResult r = CeilingCalculator.compute(table, new CeilingRequest(chosen.ceilingClass(), total, on, many, scope,
                specifiedDisease, dialysis, birthDate));
        return new Figures(r, on, total, chosen.source());
    }
}
