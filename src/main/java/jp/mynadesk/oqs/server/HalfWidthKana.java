package jp.mynadesk.oqs.server;

/**
 * Full-width katakana (and the ideographic space) to the half-width forms OQS uses for {@code NameKana}
 * ({@code ｼﾝﾘｮｳ ﾀﾛｳ}); voiced kana become a base letter plus ﾞ or ﾟ. Other characters pass through.
 */
final class HalfWidthKana {
    private static final String FULL = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";
    private static final String HALF = "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ";
    private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
    private static final String VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホ";
    private static final String SEMI = "パピプペポ";
    private static final String SEMI_BASE = "ハヒフヘホ";

    private HalfWidthKana() {}

    static String convert(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = VOICED.indexOf(c);
            int p = SEMI.indexOf(c);
            int f = FULL.indexOf(c);
            if (c == 'ヴ') {
                out.append("ｳﾞ");
            } else if (v >= 0) {
                out.append(HALF.charAt(FULL.indexOf(VOICED_BASE.charAt(v)))).append('ﾞ');
            } else if (p >= 0) {
                out.append(HALF.charAt(FULL.indexOf(SEMI_BASE.charAt(p)))).append('ﾟ');
            } else if (f >= 0) {
                out.append(HALF.charAt(f));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
