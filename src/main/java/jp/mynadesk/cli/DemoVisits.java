package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.card.AuthCertificate;
import jp.mynadesk.card.CardOutcome;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.ceiling.CeilingCalculator;
import jp.mynadesk.ceiling.CeilingClass;
import jp.mynadesk.ceiling.CeilingException;
import jp.mynadesk.ceiling.CeilingRequest;
import jp.mynadesk.ceiling.CeilingTables;
import jp.mynadesk.desk.Recheck;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.DocumentRenderer;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.Challenge;
import jp.mynadesk.oqs.ConsentCategory;
import jp.mynadesk.oqs.ConsentReceipt;
import jp.mynadesk.oqs.ConsentRequest;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.rules.FallbackDecision;
import jp.mynadesk.rules.FallbackInput;
import jp.mynadesk.rules.FallbackRules;
import jp.mynadesk.rules.PresentedCard;
import jp.mynadesk.rules.DecisionMessages;

/** The online parts of the demo: the card check at the service, consent, an outage with paper fallback, re-check. */
final class DemoVisits {
    /** The example month's medical cost the 限度額 is shown for. */
    static final long EXAMPLE_TOTAL = 300_000;

    private DemoVisits() {}

    /** A visit accepted without the service, waiting for 再照会. */
    record Provisional(String patient, PresentedDocument document) {}

    /** PIN mode at the service: sign its single-use challenge on the card, send certificate and signature. */
    static boolean onlineCardCheck(PrintWriter out, JpkiCard card, AuthCertificate cert, OqsClient client, LocalDate today)
            throws GeneralSecurityException {
        OqsResult<Challenge> challenge = client.challenge();
        if (!(challenge instanceof OqsResult.Ok<Challenge> ok)) {
            out.println("[7] オンライン資格確認に接続できません（" + describe(challenge) + "）。資格確認書などで受付してください。");
            return false;
        }
        CardOutcome<byte[]> signed = card.signSha256(MessageDigest.getInstance("SHA-256").digest(ok.value().nonce()));
        if (!signed.isSuccess()) {
            return DemoCommand.stop(out, signed);
        }
        out.println("[7] 資格確認サービスのチャレンジ（使い捨て）にカードの鍵で署名しました（" + signed.orElseThrow().length + "バイト）。");
        OqsResult<QualificationResponse> answer = client.checkCard(CardCheckRequest.pin(OqsTime.date(today), DemoCommand.INSTITUTION,
                "DEMO-CARD-0001", cert.der(), ok.value().challengeId(), signed.orElseThrow(), DemoCommand.TERMINAL));
        if (!(answer instanceof OqsResult.Ok<QualificationResponse> result)) {
            out.println("[8] 資格確認サービスがカードを受け付けませんでした（" + describe(answer) + "）。");
            out.println("  → このカードはマイナ保険証として使えません。資格確認書（または資格情報のお知らせ）をお持ちか確認してください。");
            return false;
        }
        QualificationResponse response = result.value();
        if (!response.confirmed()) {
            out.println("[8] 資格確認の結果: " + (response.qualificationValidity() == null ? "不明" : response.qualificationValidity().label())
                    + "（" + nz(response.processingResultMessage()) + "）。資格確認書などで受付してください。");
            return false;
        }
        out.println("[8] オンライン資格確認の結果: 資格 " + response.qualificationValidity().label());
        describe(out, response.results().get(0), today);
        consent(out, client, cert);
        return true;
    }

    /** The patient answers the consent screen on the card reader: all yes here. */
    private static void consent(PrintWriter out, OqsClient client, AuthCertificate cert) {
        Map<ConsentCategory, Boolean> answers = new EnumMap<>(ConsentCategory.class);
        for (ConsentCategory c : ConsentCategory.values()) {
            answers.put(c, true);
        }
        OqsResult<ConsentReceipt> receipt = client.registerConsent(new ConsentRequest(DemoCommand.INSTITUTION, cert.der(), answers));
        if (receipt instanceof OqsResult.Ok<ConsentReceipt> ok) {
            var any = ok.value().consents().values().stream().findFirst();
            out.println("[9] 情報提供の同意を登録しました（" + String.join("・", answers.keySet().stream().map(ConsentCategory::label).toList())
                    + "）。" + any.map(c -> "閲覧できる期限: " + timestamp(c.availableTime()) + "（登録から24時間）").orElse(""));
        } else {
            out.println("[9] 同意を登録できませんでした（" + describe(receipt) + "）。受付は続けられます。");
        }
    }

    /**
     * The service goes into maintenance (503 with Retry-After) while two patients with 資格確認書 arrive: the client
     * gives up fast, the 資格確認書 is scanned from its QR code, the document rules decide, the visit is provisional.
     */
    static List<Provisional> outage(PrintWriter out, OqsServer service, OqsClient client, LocalDate today) throws Exception {
        service.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
        List<Provisional> provisional = new ArrayList<>();
        List<PresentedDocument> arrivals = List.of(
                kakuninsho("01130012", "全国健康保険協会東京支部", "12345678", "1", "01", "協会 さくら", "2016-04-02", Sex.FEMALE,
                        "2024-12-02", "2029-11-30"),
                kakuninsho("06139992", "関東電機健康保険組合", "802", "7777", "00", "転職 結衣", "1998-02-28", Sex.FEMALE,
                        "2024-12-02", "2029-11-30"));
        Path folder = Files.createTempDirectory("mynadesk-demo");
        try {
            for (PresentedDocument printed : arrivals) {
                String patient = printed.name();
                long started = System.nanoTime();
                OqsResult<QualificationResponse> tried = client.query(numbersQuery(printed, today));
                out.printf("%s さん: オンライン資格確認を試しました → 使えません（%s、%.0f ms で判断）。%n", patient, describe(tried),
                        (System.nanoTime() - started) / 1e6);
                Path image = folder.resolve(patient.replace(' ', '_') + ".png");
                DocumentRenderer.writePng(printed, image);
                PresentedDocument scanned = DocumentScanner.scan(image);
                out.println("    資格確認書のQRコードを読み取りました: 保険者番号 " + scanned.insurerNumber() + "、記号 " + scanned.symbol()
                        + "、番号 " + scanned.number() + "、枝番 " + scanned.branch());
                FallbackDecision decision = FallbackRules.decide(new FallbackInput(today, false, PresentedCard.NONE, List.of(scanned)));
                out.println("    → " + DecisionMessages.message(decision));
                if (decision.recheck()) {
                    provisional.add(new Provisional(patient, scanned));
                }
            }
        } finally {
            try (var files = Files.list(folder)) {
                for (var f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
        out.println("仮の受付として記録し、再照会を待ちます: " + provisional.size() + "件");
        return provisional;
    }

    /** The service comes back; once the breaker lets a probe through, every provisional visit is queried again. */
    static void recovery(PrintWriter out, OqsServer service, OqsClient client, Clock clock, LocalDate today,
                         List<Provisional> provisional) throws InterruptedException {
        service.faults().set(FaultPlan.none());
        long started = System.nanoTime();
        OqsResult<String> health = client.health();
        for (int i = 0; i < 50 && !(health instanceof OqsResult.Ok); i++) {
            Thread.sleep(100); // the breaker waits before it lets a probe through
            health = client.health();
        }
        if (!(health instanceof OqsResult.Ok)) {
            out.println("サービスが復旧しません（" + describe(health) + "）。再照会は次の機会に行います。");
            return;
        }
        out.printf("オンライン資格確認が復旧しました（%.0f ms で確認）。仮の受付 %d 件を再照会します。%n",
                (System.nanoTime() - started) / 1e6, provisional.size());
        for (Provisional visit : provisional) {
            OqsResult<QualificationResponse> answer = client.query(numbersQuery(visit.document(), today));
            Recheck.Finding finding = answer instanceof OqsResult.Ok<QualificationResponse> ok
                    ? Recheck.compare(ok.value())
                    : new Recheck.Finding.Unanswered(describe(answer));
            out.println(visit.patient() + " さん: " + describe(finding));
        }
    }

    static String describe(Recheck.Finding finding) {
        if (finding instanceof Recheck.Finding.Confirmed c) {
            return "相違なし。資格は有効です（" + c.qualification().insurerName() + "、負担割合 " + ratio(c.qualification()) + "）。そのまま請求できます。";
        }
        if (finding instanceof Recheck.Finding.Lost l) {
            String now = l.newQualification()
                    .map(q -> "現在の資格: " + q.insurerName() + "（保険者番号 " + q.insurerNumber().strip() + "、記号 " + nz(q.insuredCardSymbol())
                            + "、番号 " + q.insuredIdentificationNumber() + "）。請求先を新しい保険者に直してください。")
                    .orElse(l.newQualificationExists()
                            ? "新しい資格があります。マイナ保険証か新しい資格確認書で確かめ、請求先を直してください。"
                            : "新しい資格は見つかりません。患者さんに加入中の保険を確認してください。");
            return "相違あり: 提示された資格確認書の資格は " + date(l.lostOn()) + " に喪失しています。" + now;
        }
        if (finding instanceof Recheck.Finding.NotFound) {
            return "該当する資格がありません。番号を確かめ、患者さんに加入中の保険を確認してください。";
        }
        if (finding instanceof Recheck.Finding.Ambiguous a) {
            return "複数の資格が該当しました（" + a.matches() + "件）。枝番を確かめて照会し直してください。";
        }
        return "再照会できませんでした（" + ((Recheck.Finding.Unanswered) finding).why() + "）。次の機会にもう一度照会します。";
    }

    private static void describe(PrintWriter out, QualificationRecord q, LocalDate today) {
        out.println("      氏名: " + q.name() + "（" + q.nameKana() + "）　生年月日: " + date(q.birthdate()));
        out.println("      保険者: " + q.insurerNumber().strip() + " " + q.insurerName() + "　記号 " + nz(q.insuredCardSymbol())
                + "　番号 " + q.insuredIdentificationNumber() + "　枝番 " + nz(q.insuredBranchNumber()));
        out.println("      負担割合: " + ratio(q));
        if (q.limitApplication() != null && q.limitApplication().classificationFlag() != null) {
            out.println("      限度額適用区分: " + ceiling(q.limitApplication().classificationFlag(), today));
        }
    }

    private static String ceiling(String code, LocalDate today) {
        var cls = CeilingClass.ofCode(code);
        var table = CeilingTables.builtIn().forDate(today);
        if (cls.isEmpty() || table.isEmpty()) {
            return code;
        }
        try {
            var result = CeilingCalculator.compute(table.get(), CeilingRequest.of(cls.get(), EXAMPLE_TOTAL, today));
            return String.format("%s（%s）→ 医療費 %,d 円の月の自己負担上限 %,d 円（%s、%s表%s）", code, cls.get().label(), EXAMPLE_TOTAL,
                    result.monthlyLimit(), result.formula(), result.table(), result.provisional() ? "・暫定値を含む" : "");
        } catch (CeilingException e) {
            return code + "（" + e.getMessage() + "）";
        }
    }

    private static QualificationRequest numbersQuery(PresentedDocument d, LocalDate today) {
        return new QualificationRequest(OqsTime.date(today), DemoCommand.INSTITUTION, "DEMO-Q-" + d.number(),
                new QualificationSearchInfo(d.insurerNumber(), d.symbol(), d.number(), d.branch(),
                        d.birthDate().date().map(OqsTime::date).orElse(""), "1", null));
    }

    private static PresentedDocument kakuninsho(String insurer, String insurerName, String symbol, String number, String branch,
                                                String name, String birth, Sex sex, String issued, String validUntil) {
        return PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber(insurer).insurerName(insurerName)
                .symbol(symbol).number(number).branch(branch).name(name).birthDate(birth).sex(sex)
                .issuedOn(issued).validUntil(validUntil).build();
    }

    static boolean verifies(X509Certificate cert, byte[] data, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    static String describe(OqsResult<?> result) {
        if (result instanceof OqsResult.Unavailable<?> u) {
            return switch (u.reason()) {
                case MAINTENANCE -> "メンテナンス中";
                case TIMEOUT -> "応答がありません";
                case CONNECTION -> "接続できません";
                case SERVER_ERROR -> "サービスのエラー";
            };
        }
        if (result instanceof OqsResult.Offline<?>) {
            return "オフラインと判断済み";
        }
        if (result instanceof OqsResult.Rejected<?> r) {
            return r.errorCode() + " " + nz(r.errorMessage());
        }
        if (result instanceof OqsResult.Malformed<?> m) {
            return "応答を読めません: " + m.detail();
        }
        return "正常";
    }

    private static String ratio(QualificationRecord q) {
        return jp.mynadesk.oqs.CopaymentRatio.of(q).map(r -> Integer.parseInt(r) / 10 + "割").orElse("不明");
    }

    private static String date(String yyyymmdd) {
        return yyyymmdd != null && yyyymmdd.length() == 8
                ? yyyymmdd.substring(0, 4) + "-" + yyyymmdd.substring(4, 6) + "-" + yyyymmdd.substring(6) : nz(yyyymmdd);
    }

    private static String timestamp(String t) {
        return t != null && t.length() == 14 ? date(t.substring(0, 8)) + " " + t.substring(8, 10) + ":" + t.substring(10, 12) : nz(t);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
