package jp.mynadesk.doctor;

import java.util.List;

/** Every finding, in the order the checks ran; the worst decides the status (and so doctor's exit status). */
public record DoctorReport(List<Finding> findings) {
    public DoctorReport {
        findings = List.copyOf(findings);
    }

    public Status status() {
        Status worst = Status.OK;
        for (Finding f : findings) {
            worst = worst.worse(f.status());
        }
        return worst;
    }

    public long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
