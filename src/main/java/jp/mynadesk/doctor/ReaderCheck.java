package jp.mynadesk.doctor;

import jp.mynadesk.reader.PcscProblem;

/** The card reader the desk would use: there, and the only one the setting names. */
public final class ReaderCheck extends PcscListingCheck {
    public static final String NAME = "reader";
    private static final String SET_READER = "mynadesk reader list で名前を確かめ、設定の reader（mynadesk setup）をその名前"
            + "（または一部）にしてください。";

    ReaderCheck(PcscProbe probe) {
        super(NAME, probe);
    }

    @Override
    Finding judge(PcscProbe.Listing l) {
        if (!l.ok()) {
            return Finding.problem(NAME, "PC/SC が使えないため、カードリーダーを確かめられません。", "先に pcscd の異常を直してください。");
        }
        if (l.infos().isEmpty()) {
            return Finding.problem(NAME, jp.mynadesk.desk.StaffText.message(PcscProblem.NO_READERS), jp.mynadesk.desk.StaffText.next(PcscProblem.NO_READERS)
                    + "別の USB ポートも試してください。");
        }
        PcscProbe.Choice c = probe.choose(l.infos());
        String wanted = probe.wanted();
        if (wanted == null) {
            if (l.infos().size() > 1) {
                return Finding.warning(NAME, "カードリーダーが " + l.infos().size() + " 台あります（" + PcscProbe.names(l.infos())
                        + "）。設定に reader がないため、最初の「" + c.reader().name() + "」を使います。", SET_READER);
            }
            return Finding.ok(NAME, "カードリーダー「" + c.reader().name() + "」があります。");
        }
        if (c.reader() != null) {
            return Finding.ok(NAME, "設定の「" + wanted + "」に合うカードリーダー「" + c.reader().name() + "」があります。");
        }
        if (c.matches().isEmpty()) {
            return Finding.problem(NAME, "設定の「" + wanted + "」に合うカードリーダーがありません（接続中: "
                    + PcscProbe.names(l.infos()) + "）。", "カードリーダーの USB ケーブルを接続し直してください。別の機種に替えたときは、"
                    + SET_READER);
        }
        return Finding.problem(NAME, "設定の「" + wanted + "」が " + c.matches().size() + " 台に合います（"
                + PcscProbe.names(c.matches()) + "）。", SET_READER);
    }
}
