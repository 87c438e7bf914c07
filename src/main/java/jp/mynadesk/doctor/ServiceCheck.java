package jp.mynadesk.doctor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import jp.mynadesk.settings.ServiceChoice;

/**
 * The online qualification service: none configured (正常, a note), the mock (警告: simulation), or a URL asked
 * {@code GET health} within a short time-out: an answer is 正常, a 5xx answer 警告, no answer 異常. The answer's
 * {@code Date} header is kept for the clock check.
 */
public final class ServiceCheck implements Check {
    public static final String NAME = "service";

    private final ServiceChoice service;
    private final Duration limit;
    private volatile Instant serviceDate;

    /** @param service null: none (what a desk at a PC/SC reader uses when nothing is set) */
    public ServiceCheck(ServiceChoice service, Duration limit) {
        this.service = service == null ? ServiceChoice.NONE : service;
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The service's clock as its last answer gave it ({@code Date}), if it answered with one. */
    public Optional<Instant> serviceDate() {
        return Optional.ofNullable(serviceDate);
    }

    @Override
    public Finding run() {
        switch (service.kind()) {
            case NONE:
                return Finding.ok(NAME, "オンライン資格確認サービスは設定されていません（service: none）。カードはこの端末で確かめ、保険は書類で"
                        + "確認します（画面の表示は「オンライン資格確認: 未接続（設定なし）」）。");
            case MOCK:
                return Finding.warning(NAME, "模擬サービス（mock）を使う設定です。練習モード（simulation）で、本当の資格確認は行いません。",
                        "本番では mynadesk setup で service を資格確認サービスの URL か none にしてください。");
            default:
                return ask(service.url());
        }
    }

    private Finding ask(URI base) {
        String shown = base.toString();
        URI health = base.resolve(base.getPath() == null || base.getPath().endsWith("/") ? "health" : base.getPath() + "/health");
        HttpClient client = HttpClient.newBuilder().connectTimeout(limit).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> answer;
        try {
            answer = client.send(HttpRequest.newBuilder(health).timeout(limit).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) { // connecting or waiting for the answer
            return Finding.problem(NAME, "オンライン資格確認サービス " + shown + " から " + Bounded.seconds(limit) + "以内に応答がありません。",
                    unreachable());
        } catch (ConnectException e) {
            return Finding.problem(NAME, "オンライン資格確認サービス " + shown + " に接続できません（接続を拒否されました）。", unreachable());
        } catch (SSLException e) {
            return Finding.problem(NAME, "オンライン資格確認サービス " + shown + " と安全な接続（TLS）を確立できません。",
                    "URL（https://）と、サービスの証明書がこの PC で信頼されているかを確かめてください。");
        } catch (IOException e) {
            boolean name = causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class);
            return Finding.problem(NAME, "オンライン資格確認サービス " + shown + (name ? " のホスト名を解決できません。" : " に接続できません。"),
                    unreachable());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.problem(NAME, "オンライン資格確認サービスの確認が中断されました。", "もう一度診断してください。");
        }
        serviceDate = date(answer.headers().firstValue("Date").orElse(null));
        int code = answer.statusCode();
        if (code >= 200 && code < 300) {
            return Finding.ok(NAME, "オンライン資格確認サービス " + shown + " が応答しました（HTTP " + code + "）。");
        }
        if (code >= 500) {
            return Finding.warning(NAME, "オンライン資格確認サービス " + shown + " は応答しましたが、異常を返しました（HTTP " + code + "）。",
                    "しばらくしてもう一度診断してください。続くときはサービスの管理者に連絡してください（その間も受付はカードと書類で続けられます）。");
        }
        return Finding.warning(NAME, "オンライン資格確認サービス " + shown + " が想定外の応答を返しました（HTTP " + code + "）。",
                "service の URL が資格確認サービスのものか確かめてください（mynadesk settings show）。");
    }

    private static String unreachable() {
        return "ネットワークの接続と service の URL（mynadesk settings show）を確かめてください。サービスが止まっている間も、受付はカードと"
                + "書類で続けられます。";
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (kind.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static Instant date(String header) {
        if (header == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
