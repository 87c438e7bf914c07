package jp.mynadesk.replay;

import java.util.List;
import java.util.Optional;
import jp.mynadesk.virtualcard.ReplayCard;

/**
 * What a replay found.
 *
 * @param steps      the host's steps in order, each with its outcome ("success" or the failure)
 * @param commands   commands the host sent
 * @param recorded   commands in the recording
 * @param divergence the first command that differs, empty when the conversation replayed identically
 */
public record ReplayReport(List<Step> steps, int commands, int recorded, Optional<ReplayCard.Divergence> divergence) {

    /**
     * One host step and how it ended.
     *
     * @param outcome "success" or the failure's machine form ({@code WrongPin[triesLeft=2]}), for {@code --json}
     * @param text    the same in Japanese, for people ({@link ReplayText})
     */
    public record Step(String name, String outcome, String text) {}

    public ReplayReport {
        steps = List.copyOf(steps);
    }

    public boolean identical() {
        return divergence.isEmpty();
    }
}
