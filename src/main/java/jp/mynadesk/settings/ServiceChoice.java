package jp.mynadesk.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The {@code service} setting: no online qualification service at all ({@code none}), the simulator's mock started
 * in this process ({@code mock}), or the service at an http(s) URL.
 *
 * @param url the service's base URL for {@link Kind#URL}, else null
 */
public record ServiceChoice(Kind kind, URI url) {
    public enum Kind { NONE, MOCK, URL }

    public static final ServiceChoice NONE = new ServiceChoice(Kind.NONE, null);
    public static final ServiceChoice MOCK = new ServiceChoice(Kind.MOCK, null);

    /** What is allowed, for messages. */
    public static final String ALLOWED = "none（サービスなし）、mock（模擬サービス）、または http:// か https:// で始まる URL"
            + "（例: https://oqs.example.jp/）";

    public ServiceChoice {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.URL) != (url != null)) {
            throw new IllegalArgumentException("a URL exactly for Kind.URL");
        }
    }

    /**
     * Reads {@code none}, {@code mock} or a URL.
     *
     * @param where the option, variable or key, for the message
     * @throws SettingsException naming {@code where}, without the value
     */
    public static ServiceChoice parse(String text, String where) {
        String t = text == null ? "" : text.strip();
        if (t.equals("none")) {
            return NONE;
        }
        if (t.equals("mock")) {
            return MOCK;
        }
        try {
            URI uri = new URI(t);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return new ServiceChoice(Kind.URL, uri);
            }
        } catch (URISyntaxException e) {
            // below
        }
        throw new SettingsException(where + ": " + ALLOWED + " を指定してください（URL に利用者名やパスワードは書けません）。");
    }

    /** As written in a settings file and shown by {@code settings show}. */
    public String text() {
        return switch (kind) {
            case NONE -> "none";
            case MOCK -> "mock";
            case URL -> url.toString();
        };
    }
}
