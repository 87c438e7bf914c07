package jp.mynadesk.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mynadesk.format.EnteredDate;

/**
 * This project's QR payload for sample documents (docs/QR-PAYLOAD.md): {@code MDQ1|} then fourteen fields
 * separated by {@code |}, dates as YYYYMMDD, absent fields empty, {@code \} escaping {@code |} and {@code \}.
 * Positional, so it stays small enough for a low-version QR; a new layout gets a new version number.
 */
public final class QrPayload {
    private QrPayload() {}

    public static final String MAGIC = "MDQ";
    public static final int VERSION = 1;
    static final int FIELDS = 14;

    public static String encode(PresentedDocument d) {
        List<String> f = List.of(
                String.valueOf(d.kind().qrCode()),
                text(d.insurerNumber()), text(d.symbol()), text(d.number()), text(d.branch()), text(d.name()),
                date(d.birthDate()), d.sex() == null ? "" : String.valueOf(d.sex().digit()),
                date(d.acquiredOn()), date(d.issuedOn()), date(d.validFrom()), date(d.validUntil()), date(d.lostOn()),
                text(d.insurerName()));
        StringBuilder sb = new StringBuilder(MAGIC).append(VERSION);
        for (String s : f) {
            sb.append('|').append(escape(s));
        }
        return sb.toString();
    }

    /** Reads a payload back; a code from anything else, or a damaged one, is an input error that says which. */
    public static PresentedDocument decode(String payload) throws DocumentInputException {
        if (payload == null || !payload.startsWith(MAGIC)) {
            throw new DocumentInputException("この QR コードは mynadesk の書類の QR コードではありません（別の用途のコードです）。"
                    + "書類の右下にある QR コードを読み取ってください。");
        }
        int bar = payload.indexOf('|');
        String version = bar < 0 ? payload.substring(MAGIC.length()) : payload.substring(MAGIC.length(), bar);
        if (!version.equals(String.valueOf(VERSION))) {
            throw new DocumentInputException("QR コードの形式のバージョン \"" + version + "\" には対応していません（対応: " + VERSION
                    + "）。mynadesk を更新するか、書類を手入力してください。");
        }
        List<String> f = split(payload.substring(bar + 1));
        if (f.size() != FIELDS) {
            throw damaged("項目の数が " + f.size() + " です（" + FIELDS + " のはず）");
        }
        DocumentKind kind = f.get(0).length() == 1 ? DocumentKind.ofQrCode(f.get(0).charAt(0)).orElse(null) : null;
        if (kind == null) {
            throw damaged("書類の種類 \"" + f.get(0) + "\" が分かりません");
        }
        Sex sex = null;
        if (!f.get(7).isEmpty()) {
            sex = Sex.parse(f.get(7)).orElseThrow(() -> damaged("性別 \"" + f.get(7) + "\" が分かりません"));
        }
        return PresentedDocument.builder(kind)
                .insurerNumber(opt(f.get(1))).symbol(opt(f.get(2))).number(opt(f.get(3))).branch(opt(f.get(4)))
                .name(opt(f.get(5))).birthDate(parseDate(f.get(6))).sex(sex).acquiredOn(parseDate(f.get(8)))
                .issuedOn(parseDate(f.get(9))).validFrom(parseDate(f.get(10))).validUntil(parseDate(f.get(11)))
                .lostOn(parseDate(f.get(12))).insurerName(opt(f.get(13)))
                .build();
    }

    private static DocumentInputException damaged(String what) {
        return new DocumentInputException("QR コードの内容が壊れています（" + what + "）。もう一度読み取るか、書類を手入力してください。");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String opt(String s) {
        return s.isEmpty() ? null : s;
    }

    /** YYYYMMDD when valid; an impossible date is carried as written so the rules still see bad-format. */
    private static String date(EnteredDate d) {
        if (d instanceof EnteredDate.Valid v) {
            return v.value().toString().replace("-", "");
        }
        return d instanceof EnteredDate.Invalid i ? "!" + i.raw() : "";
    }

    private static EnteredDate parseDate(String s) {
        if (s.isEmpty()) {
            return EnteredDate.ABSENT;
        }
        if (s.startsWith("!")) {
            return new EnteredDate.Invalid(s.substring(1));
        }
        if (s.length() == 8 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            EnteredDate d = EnteredDate.parse(s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6));
            if (d instanceof EnteredDate.Valid) {
                return d;
            }
        }
        return new EnteredDate.Invalid(s);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|");
    }

    private static List<String> split(String body) throws DocumentInputException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 >= body.length()) {
                    throw damaged("末尾の \\ が不完全です");
                }
                cur.append(body.charAt(++i));
            } else if (c == '|') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** True when the text looks like one of our payloads (any version). */
    public static boolean isOurs(String text) {
        return Optional.ofNullable(text).filter(t -> t.startsWith(MAGIC)).isPresent();
    }
}
