package jp.mynadesk.desk;

import java.io.IOException;
import java.time.Duration;
import jp.mynadesk.oqs.CircuitBreaker;
import jp.mynadesk.oqs.MutableClock;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.QualificationService;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.testsupport.PatientClient;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;

/** A desk on the real mock service (loopback HTTP) and the in-JVM reader, with a clock the test moves. */
final class DeskFixture implements AutoCloseable {
    static final String INSTITUTION = "1311111111";
    final MutableClock clock;
    final OqsServer server;
    final OqsClient client;
    final VirtualTerminals terminals = new VirtualTerminals();
    final VirtualTerminal reader = terminals.plug("Test Reader 0");
    final VisitStore store;
    CheckStep.StepListener listener = CheckStep.StepListener.NONE;

    DeskFixture(String asOf, VisitStore store) throws IOException {
        this.clock = MutableClock.jst(asOf);
        this.store = store;
        this.server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock).batchProcessingTime(Duration.ZERO));
        this.client = PatientClient.tune(OqsClient.builder(server.uri()).clock(clock)).maxRetries(0)
                .breaker(new CircuitBreaker.Config(1, Duration.ofMinutes(5))).build();
    }

    DeskFixture(String asOf) throws IOException {
        this(asOf, new InMemoryVisitStore());
    }

    DeskFixture card(String profile) throws Exception {
        reader.insert(MyNumberCard.of(CardProfiles.resolve(profile)));
        return this;
    }

    DeskContext context() {
        return context(client);
    }

    /** The same desk with another service (e.g. {@code oqs.NoService}: no service configured). */
    DeskContext context(QualificationService service) {
        return new DeskContext(clock, new CardReaders(terminals.factory()), null, service, store, TrustAnchors.testCa(),
                INSTITUTION, "DESK-01", step -> listener.before(step), null, true);
    }

    ReceptionCheck check() {
        return new ReceptionCheck(context());
    }

    @Override
    public void close() {
        client.close();
        server.close();
        store.close();
    }
}
