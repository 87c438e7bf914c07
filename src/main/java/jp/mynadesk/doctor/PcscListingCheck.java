package jp.mynadesk.doctor;

/**
 * A check of what PC/SC lists ({@link PcscdCheck}, {@link ReaderCheck}, {@link CardCheck}): each asks the probe for
 * the reader listing once and judges it; the probe and the name are held here, once.
 */
abstract class PcscListingCheck implements Check {
    final PcscProbe probe;
    private final String name;

    PcscListingCheck(String name, PcscProbe probe) {
        this.name = name;
        this.probe = probe;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Finding run() {
        return judge(probe.listing());
    }

    /** The finding for one listing of the readers (which may itself say PC/SC did not answer). */
    abstract Finding judge(PcscProbe.Listing l);
}
