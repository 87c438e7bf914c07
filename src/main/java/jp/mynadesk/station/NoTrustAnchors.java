package jp.mynadesk.station;

/**
 * A desk at a PC/SC reader without any configured trust anchor: it cannot tell a real My Number card from a forged
 * one, so no card check starts (docs/CLINIC.md, "Trust"). The message says what the clinic does about it.
 */
public final class NoTrustAnchors extends RuntimeException {
    public static final String MESSAGE = "カードの電子証明書を確かめるための J-LIS の利用者証明用CA証明書（トラストアンカー）が設定されていないため、"
            + "カードの確認を始めません。J-LIS が公開している利用者証明用認証局の自己署名証明書を入手し、mynadesk setup --trust-anchor FILE "
            + "で設定してから、mynadesk doctor で確かめてください（入手先と手順: README.md「はじめに」、docs/CLINIC.md）。";

    public NoTrustAnchors() {
        super(MESSAGE, null, false, false);
    }
}
