package jp.mynadesk.ceiling;

/** A limit as the tables state it: a flat amount, or a base plus 1% of the total above a threshold. */
public sealed interface Amount {
    record Flat(long yen) implements Amount {}

    record OnePercent(long base, long threshold) implements Amount {}

    /** Both schemes' limits are halved in the month of the 75th birthday: base and threshold alike. */
    default Amount halved() {
        if (this instanceof OnePercent p) {
            return new OnePercent(p.base() / 2, p.threshold() / 2);
        }
        return new Flat(((Flat) this).yen() / 2);
    }
}
