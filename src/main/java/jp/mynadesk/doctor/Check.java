package jp.mynadesk.doctor;

/** One diagnosis. A check never throws: what it could not find out is itself a finding. */
public interface Check {
    /** The name its finding carries. */
    String name();

    Finding run();
}
