package jp.mynadesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.DocumentRenderer;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.QrPayload;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.rules.CheckInputJson;
import jp.mynadesk.rules.DecisionJson;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.rules.FallbackDecision;
import jp.mynadesk.rules.FallbackInput;
import jp.mynadesk.rules.FallbackRules;
import jp.mynadesk.rules.FieldCheck;
import jp.mynadesk.rules.ImpossibleValues;
import jp.mynadesk.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mynadesk docs check | render | scan}: the offline document rules and sample documents with a QR code. */
@Command(name = "docs", description = "資格確認書・資格情報のお知らせなどの書類",
        subcommands = {DocsCommand.Check.class, DocsCommand.Render.class, DocsCommand.Scan.class})
final class DocsCommand {

    /** {@code docs check FILE|-}: the fallback decision of docs/RULES.md §4. */
    @Command(name = "check", description = "提示された書類とカードから、受付できるかを判定します")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE|-", description = "入力の JSON ファイル（- は標準入力）")
        String file;

        @Option(names = "--as-of", paramLabel = "DATE", description = "判定日: YYYY-MM-DD または 和暦（令和8年4月1日）。入力の asOf より優先。どちらもなければ今日（日本時間）")
        LocalDate asOf;

        @Option(names = "--json", description = "JSON で出力します")
        boolean json;

        private final Clock clock;
        private final InputStream stdin;

        Check() {
            this(Clock.system(jp.mynadesk.format.Dates.JST), System.in);
        }

        Check(Clock clock, InputStream stdin) {
            this.clock = clock;
            this.stdin = stdin;
        }

        @Override
        public Integer call() throws JsonProcessingException {
            return run(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        public int run(PrintWriter out, PrintWriter err) throws JsonProcessingException {
            String source = file.equals("-") ? "標準入力" : file;
            String text = file.equals("-") ? readStdin(stdin) : readFile(Path.of(file));
            FallbackInput input;
            try {
                input = CheckInputJson.read(text, source, asOf != null ? asOf : LocalDate.now(clock));
            } catch (DocumentInputException e) {
                throw CliException.badInput(e.getMessage());
            }
            if (asOf != null) {
                input = new FallbackInput(asOf, input.onlineAvailable(), input.card(), input.documents());
            }
            try {
                ImpossibleValues.check(input);
            } catch (DocumentInputException e) {
                throw CliException.badInput(e.getMessage());
            }
            FallbackDecision decision = FallbackRules.decide(input);
            if (json) {
                out.println(DecisionJson.text(decision, StaffText.decision(decision), StaffText::entry));
            } else {
                jp.mynadesk.desk.StaffText.decisionReport(decision).forEach(out::println);
            }
            out.flush();
            return ExitCode.OK.status;
        }
    }

    /** {@code docs render --kind ... --out FILE.png}: a sample document with its QR code. */
    @Command(name = "render", description = "見本の資格確認書・資格情報のお知らせを QR コード付きの PNG で作ります")
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kind", required = true, paramLabel = "shikaku-kakuninsho|shikaku-joho-oshirase", description = "書類の種類: shikaku-kakuninsho（資格確認書）か shikaku-joho-oshirase（資格情報のお知らせ）")
        String kind;

        @Option(names = "--from", paramLabel = "FILE", description = "書類 1 件の JSON（docs check の documents の要素）。オプションで上書きできます")
        Path from;

        @Option(names = "--insurer-number", description = "保険者番号（8桁、国保は6桁）") String insurerNumber;
        @Option(names = "--insurer-name", description = "保険者名称") String insurerName;
        @Option(names = "--symbol", description = "記号") String symbol;
        @Option(names = "--number", description = "番号") String number;
        @Option(names = "--branch", description = "枝番（2桁）") String branch;
        @Option(names = "--name", description = "氏名") String name;
        @Option(names = "--birth-date", description = "YYYY-MM-DD または 和暦（令和6年12月2日）") String birthDate;
        @Option(names = "--sex", description = "male|female（男|女）") String sex;
        @Option(names = "--acquired-on", description = "資格取得年月日（YYYY-MM-DD または 和暦）") String acquiredOn;
        @Option(names = "--issued-on", description = "交付年月日（YYYY-MM-DD または 和暦）") String issuedOn;
        @Option(names = "--valid-from", description = "有効開始日（YYYY-MM-DD または 和暦）") String validFrom;
        @Option(names = "--valid-until", description = "有効期限（YYYY-MM-DD または 和暦）") String validUntil;
        @Option(names = "--lost-on", description = "資格喪失年月日（YYYY-MM-DD または 和暦）") String lostOn;

        @Option(names = "--allow-invalid", description = "検証しないで描きます（読み取り誤りの試験用の見本を作るとき）")
        boolean allowInvalid;

        @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "書き出す PNG ファイル（フォルダは作りません）")
        Path out;

        @Option(names = "--json", description = "JSON で出力します")
        boolean json;

        @Override
        public Integer call() throws IOException {
            DocumentKind k = DocumentKind.ofCode(kind).filter(x -> x == DocumentKind.SHIKAKU_KAKUNINSHO || x == DocumentKind.SHIKAKU_JOHO_OSHIRASE)
                    .orElseThrow(() -> CliException.badInput("--kind " + kind + ": 描けるのは shikaku-kakuninsho（資格確認書）と "
                            + "shikaku-joho-oshirase（資格情報のお知らせ）です。"));
            PresentedDocument.Builder b = base(k);
            text("--insurer-number", insurerNumber, DocumentEntry::insurerNumber, b::insurerNumber);
            text("--insurer-name", insurerName, v -> new FieldCheck.Accepted(v.strip()), b::insurerName);
            text("--symbol", symbol, DocumentEntry::symbol, b::symbol);
            text("--number", number, DocumentEntry::number, b::number);
            text("--branch", branch, DocumentEntry::branch, b::branch);
            text("--name", name, DocumentEntry::name, b::name);
            text("--sex", sex, DocumentEntry::sex, v -> b.sex(Sex.parse(v).orElse(null)));
            text("--birth-date", birthDate, v -> DocumentEntry.date(v, true), v -> b.birthDate(EnteredDate.parse(v)));
            text("--acquired-on", acquiredOn, v -> DocumentEntry.date(v, false), v -> b.acquiredOn(EnteredDate.parse(v)));
            text("--issued-on", issuedOn, v -> DocumentEntry.date(v, false), v -> b.issuedOn(EnteredDate.parse(v)));
            text("--valid-from", validFrom, v -> DocumentEntry.date(v, false), v -> b.validFrom(EnteredDate.parse(v)));
            text("--valid-until", validUntil, v -> DocumentEntry.date(v, false), v -> b.validUntil(EnteredDate.parse(v)));
            text("--lost-on", lostOn, v -> DocumentEntry.date(v, false), v -> b.lostOn(EnteredDate.parse(v)));
            PresentedDocument doc = b.build();
            if (!allowInvalid) {
                validateWhole(doc);
            }
            try {
                OutputFiles.write("--out", out, os -> DocumentRenderer.writePng(doc, os));
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("書類の内容が長すぎて QR コードに入りません（" + e.getMessage() + "）。保険者名称などを短くしてください。");
            }
            var w = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = JsonText.object();
                n.put("out", out.toString());
                n.put("kind", k.code());
                n.put("qrPayloadVersion", QrPayload.VERSION);
                n.set("document", DocumentJson.write(doc));
                w.println(JsonText.pretty(n));
            } else {
                w.println(k.label() + "の見本を " + out + " に書き出しました。docs scan " + out + " で読み取れます。");
            }
            w.flush();
            return ExitCode.OK.status;
        }

        private PresentedDocument.Builder base(DocumentKind k) {
            if (from == null) {
                return PresentedDocument.builder(k);
            }
            try {
                JsonNode node = DocumentJson.parse(readFile(from), from.toString());
                if (node.isObject() && node.has("documents") && node.get("documents").isArray() && node.get("documents").size() == 1) {
                    node = node.get("documents").get(0);
                    return DocumentJson.read(node, "documents[0]").toBuilder().kind(k);
                }
                return DocumentJson.read(node, "(書類)").toBuilder().kind(k);
            } catch (DocumentInputException e) {
                throw CliException.badInput(e.getMessage());
            }
        }

        /** Option values go through typed-entry validation unless --allow-invalid. */
        private void text(String option, String value, Function<String, FieldCheck> check, java.util.function.Consumer<String> set) {
            if (value == null) {
                return;
            }
            if (allowInvalid) {
                set.accept(value);
                return;
            }
            FieldCheck c = check.apply(value);
            if (c instanceof FieldCheck.Accepted a) {
                set.accept(a.value());
            } else if (c instanceof FieldCheck.Incomplete i) {
                throw CliException.badInput(option + " " + value + ": 入力が途中です。" + StaffText.entry(i.note()));
            } else {
                throw CliException.badInput(option + " " + value + ": " + StaffText.entry(((FieldCheck.Rejected) c).note()));
            }
        }

        private static void validateWhole(PresentedDocument d) {
            List<String> missing = new java.util.ArrayList<>();
            if (d.insurerNumber() == null) missing.add("--insurer-number");
            if (d.number() == null) missing.add("--number");
            if (d.name() == null) missing.add("--name");
            if (d.birthDate().isAbsent()) missing.add("--birth-date");
            if (d.kind() == DocumentKind.SHIKAKU_KAKUNINSHO && d.issuedOn().isAbsent()) missing.add("--issued-on");
            if (d.kind() == DocumentKind.SHIKAKU_KAKUNINSHO && d.validUntil().isAbsent()) missing.add("--valid-until");
            if (!missing.isEmpty()) {
                throw CliException.badInput("書類に必要な項目がありません: " + String.join(", ", missing)
                        + "。指定するか、わざと不完全な見本を作るときは --allow-invalid を付けてください。");
            }
            if (d.insurerNumber() != null && !(DocumentEntry.insurerNumber(d.insurerNumber()) instanceof FieldCheck.Accepted)) {
                throw CliException.badInput("保険者番号 " + d.insurerNumber() + " の検証番号が合いません。"
                        + "番号を直すか、読み取り誤りの見本を作るときは --allow-invalid を付けてください。");
            }
            for (EnteredDate e : List.of(d.birthDate(), d.acquiredOn(), d.issuedOn(), d.validFrom(), d.validUntil(), d.lostOn())) {
                if (e.isInvalid()) {
                    throw CliException.badInput("日付 \"" + e.text() + "\" が正しくありません。YYYY-MM-DD で実在する日付にしてください。");
                }
            }
            try {
                ImpossibleValues.check(d, "書類", null);
            } catch (DocumentInputException e) {
                throw CliException.badInput(e.getMessage() + "わざと不整合な見本を作るときは --allow-invalid を付けてください。");
            }
        }
    }

    /** {@code docs scan IMAGE...}: the QR codes back into the JSON {@code docs check} takes. */
    @Command(name = "scan", description = "書類の画像の QR コードを読み取り、docs check に渡せる JSON にします")
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "書類の画像（PNG / JPEG）。複数可")
        List<Path> images;

        @Option(names = "--out", paramLabel = "FILE.json", description = "JSON をこのファイルに書き、画面には要約を表示します")
        Path outFile;

        @Option(names = "--json", description = "JSON で出力します（既定でも JSON です）")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (outFile != null) {
                OutputFiles.check("--out", outFile);
            }
            ObjectNode root = JsonText.object();
            var docs = root.putArray("documents");
            List<PresentedDocument> scanned = new java.util.ArrayList<>();
            for (Path image : images) {
                try {
                    PresentedDocument d = DocumentScanner.scan(image);
                    scanned.add(d);
                    docs.add(DocumentJson.write(d));
                } catch (DocumentInputException e) {
                    throw CliException.badInput(e.getMessage());
                }
            }
            String text = JsonText.pretty(root);
            var w = spec.commandLine().getOut();
            if (outFile != null && !json) {
                OutputFiles.writeString("--out", outFile, text + System.lineSeparator());
                for (PresentedDocument d : scanned) {
                    w.println(d.kind().label() + " を読み取りました: 保険者番号 " + SafeText.line(d.insurerNumber()) + "　記号 "
                            + SafeText.line(d.symbol()) + "　番号 " + SafeText.line(d.number()) + "　氏名 " + SafeText.line(d.name()));
                }
                w.println(outFile + " に書き出しました。docs check " + outFile + " で判定できます。");
            } else {
                if (outFile != null) {
                    OutputFiles.writeString("--out", outFile, text + System.lineSeparator());
                }
                w.println(text);
            }
            w.flush();
            return ExitCode.OK.status;
        }
    }

    static String readFile(Path path) {
        try {
            return decode(Files.readAllBytes(path), path.toString());
        } catch (NoSuchFileException e) {
            throw CliException.badInput(path + ": ファイルが見つかりません。パスを確かめてください（標準入力から読むときは - を指定します）。");
        } catch (IOException e) {
            throw CliException.badInput(path + ": ファイルを読めません（" + e.getMessage() + "）。");
        }
    }

    static String readStdin(InputStream in) {
        try {
            return decode(in.readAllBytes(), "標準入力");
        } catch (IOException e) {
            throw CliException.badInput("標準入力を読めません（" + e.getMessage() + "）。");
        }
    }

    private static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CliException.badInput(source + ": UTF-8 の文字として読めません。JSON は UTF-8 で保存してください。");
        }
    }
}
