package jp.mynadesk.desk;

import java.time.Clock;
import java.util.Objects;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.oqs.QualificationService;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.CardReaders;

/**
 * Everything a check runs against, injected: clock, readers (PC/SC or the in-JVM provider, null when the desk has
 * none), the service, the record, the trust anchors, and who this desk is.
 *
 * @param readerName which reader (name or unique part of it); null = the first
 * @param trace      where card APDUs are traced (PIN data masked), or null
 * @param simulated  a simulation run (a virtual card or the mock service, docs/CLINIC.md): recorded on every visit
 */
public record DeskContext(Clock clock, CardReaders readers, String readerName, QualificationService service,
                          VisitStore store, TrustAnchors anchors, String institution, String terminal,
                          CheckStep.StepListener listener, ApduTrace trace, boolean simulated) {
    public DeskContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(anchors, "anchors");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(terminal, "terminal");
        listener = listener == null ? CheckStep.StepListener.NONE : listener;
    }

    public DeskContext withListener(CheckStep.StepListener newListener) {
        return new DeskContext(clock, readers, readerName, service, store, anchors, institution, terminal, newListener, trace,
                simulated);
    }
}
