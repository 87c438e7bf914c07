package jp.mynadesk.doctor;

import jp.mynadesk.format.Labelled;

/**
 * How one diagnosis came out: 正常, 警告 or 異常 (docs/CLINIC.md, "doctor"). The code is the word in
 * {@code doctor --json}; the exit status of the worst finding is the command's ({@code cli.DoctorCommand}), as every
 * exit number is {@code cli.ExitCode}'s.
 */
public enum Status implements Labelled {
    OK("ok", "正常"),
    WARNING("warning", "警告"),
    PROBLEM("problem", "異常");

    private final Words words;

    Status(String code, String label) {
        this.words = new Words(code, label);
    }

    @Override
    public Words words() {
        return words;
    }

    public Status worse(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
