package jp.mynadesk.desk;

import java.time.OffsetDateTime;
import java.util.List;

/** One 再照会 run over the pending visits, and what it found for each. */
public record RecheckRun(OffsetDateTime startedAt, OffsetDateTime finishedAt, List<RecheckFinding> findings) {
    public RecheckRun {
        findings = List.copyOf(findings);
    }

    public long count(RecheckFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).count();
    }
}
