package jp.mynadesk.doctor;

import jp.mynadesk.reader.PcscProblem;

/** pcscd (the PC/SC service) running and answering: its reader list comes back within the time limit. */
public final class PcscdCheck extends PcscListingCheck {
    public static final String NAME = "pcscd";
    static final String START = "pcscd を起動してください（Debian/Ubuntu: sudo systemctl enable --now pcscd.socket）。"
            + "起動後に受付の画面を開き直してください。";

    PcscdCheck(PcscProbe probe) {
        super(NAME, probe);
    }

    @Override
    Finding judge(PcscProbe.Listing l) {
        if (l.timedOut()) {
            return Finding.problem(NAME, "カードリーダーの管理サービス（pcscd）が " + Bounded.seconds(probe.limit())
                    + "以内に応答しません。", "pcscd を再起動してください（sudo systemctl restart pcscd）。続くときはカードリーダーを"
                    + "抜き差ししてください。");
        }
        if (l.problem() == PcscProblem.SERVICE_DOWN) {
            return Finding.problem(NAME, jp.mynadesk.desk.StaffText.message(PcscProblem.SERVICE_DOWN), START);
        }
        if (l.problem() != null) {
            return Finding.problem(NAME, "PC/SC が使えません: " + jp.mynadesk.desk.StaffText.message(l.problem()), jp.mynadesk.desk.StaffText.next(l.problem()));
        }
        return Finding.ok(NAME, "カードリーダーの管理サービス（pcscd）は動いていて、応答しました（カードリーダー "
                + l.infos().size() + " 台）。");
    }
}
