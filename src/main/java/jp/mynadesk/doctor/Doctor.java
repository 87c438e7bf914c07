package jp.mynadesk.doctor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.settings.ServiceChoice;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.SharedDatabase;

/**
 * {@code mynadesk doctor} (診断): the checks a clinic's IT support runs when the desk does not work, each with its
 * finding and the next step (docs/CLINIC.md, "doctor"). Everything doctor touches outside the process (the clock,
 * PC/SC, the disk's free space, the time limits) comes in through {@link Surroundings}, so each check can be tested.
 */
public final class Doctor {
    private Doctor() {}

    /** How long each outside party is given before its silence is the finding. */
    public record Limits(Duration pcsc, Duration service, Duration record) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(30));
        }
    }

    /** The world doctor looks at. */
    public record Surroundings(Clock clock, ZoneId systemZone, PcscAccess pcsc, DiskCheck.FreeSpace space, Limits limits) {
        public Surroundings {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(systemZone, "systemZone");
            Objects.requireNonNull(pcsc, "pcsc");
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(limits, "limits");
        }

        public static Surroundings system() {
            return new Surroundings(Clock.systemUTC(), ZoneId.systemDefault(), CardReaders::pcsc, DiskCheck.FreeSpace.SYSTEM,
                    Limits.defaults());
        }
    }

    /**
     * What the desk is set up with (from the settings, or the options alone when the settings cannot be read).
     *
     * @param settings     the settings file's line
     * @param reader       the PC/SC reader name or part of it; null = the only reader
     * @param trustAnchors the anchor files
     * @param service      null: none
     * @param data         the data folder (record, log)
     * @param shared       the shared PostgreSQL record, or null for the data folder's SQLite file
     */
    public record Inputs(SettingsCheck settings, String reader, List<Path> trustAnchors, ServiceChoice service,
                         DataDirectory data, SharedDatabase shared) {
        public Inputs {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(data, "data");
            trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        }
    }

    /** The checks, in the order they run and are shown. */
    public static List<Check> checks(Inputs in, Surroundings s) {
        List<Check> checks = new ArrayList<>();
        checks.add(in.settings());
        PcscProbe pcsc = new PcscProbe(s.pcsc(), in.reader(), s.limits().pcsc());
        checks.add(new PcscdCheck(pcsc));
        checks.add(new ReaderCheck(pcsc));
        checks.add(new CardCheck(pcsc));
        if (in.trustAnchors().isEmpty()) {
            checks.add(TrustAnchorCheck.none(in.service() != null && in.service().kind() == ServiceChoice.Kind.MOCK));
        }
        for (Path anchor : in.trustAnchors()) {
            checks.add(new TrustAnchorCheck(anchor, s.clock()));
        }
        ServiceCheck service = new ServiceCheck(in.service(), s.limits().service());
        checks.add(service);
        checks.add(new RecordCheck(in.data(), in.shared(), s.clock(), s.limits().record()));
        checks.add(new ClockCheck(s.clock(), s.systemZone(), service::serviceDate));
        checks.add(new DiskCheck(in.data().path(), s.space()));
        return checks;
    }

    /** Runs each check; one that fails unexpectedly is an 異常 of its own, logged with its stack trace. */
    public static DoctorReport run(List<Check> checks) {
        List<Finding> findings = new ArrayList<>();
        for (Check c : checks) {
            Finding f;
            try {
                f = c.run();
            } catch (RuntimeException e) {
                OperationsLog.unexpected("doctor", "診断 " + c.name() + " で予期しないエラー", e);
                f = Finding.problem(c.name(), "この項目の診断中に予期しないエラーが起きました。", "もう一度診断し、続くときはシステム担当者に連絡してください。"
                        + OperationsLog.whereToLook());
            }
            findings.add(f);
            if (f.status() != Status.OK) {
                OperationsLog.warning("doctor", "診断 " + f.name() + ": " + f.status().label() + " — " + f.message());
            }
        }
        DoctorReport report = new DoctorReport(findings);
        OperationsLog.info("doctor", "診断の結果: " + report.status().label() + "（正常 " + report.count(Status.OK) + "・警告 "
                + report.count(Status.WARNING) + "・異常 " + report.count(Status.PROBLEM) + "）");
        return report;
    }
}
