package jp.mynadesk.rules;

import jp.mynadesk.format.Labelled;

/** Which scheme a 保険者番号 belongs to, from its 法別番号 (or its length, for 国保). */
public enum InsurerKind implements Labelled {
    KYOKAI("kyokai", "協会けんぽ"),
    KUMIAI("kumiai", "健康保険組合"),
    KYOSAI("kyosai", "共済組合"),
    KOUKI("kouki", "後期高齢者医療"),
    KOKUHO("kokuho", "国民健康保険"),
    OTHER("other", "その他");

    private final Words words;

    InsurerKind(String code, String label) {
        this.words = new Words(code, label);
    }

    @Override
    public Words words() {
        return words;
    }

    /** Kind of a well-formed number: 6 digits is 国保; otherwise by the 法別番号 (first two digits). */
    static InsurerKind of(String digits) {
        if (digits.length() == 6) {
            return KOKUHO;
        }
        int houbetsu = Integer.parseInt(digits.substring(0, 2));
        if (houbetsu == 1) {
            return KYOKAI;
        }
        if (houbetsu == 6) {
            return KUMIAI;
        }
        if (houbetsu >= 31 && houbetsu <= 34) {
            return KYOSAI;
        }
        if (houbetsu == 39) {
            return KOUKI;
        }
        return OTHER;
    }
}
