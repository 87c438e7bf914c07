package jp.mynadesk.oqs.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.mynadesk.format.JsonProblem;
import jp.mynadesk.oqs.QualificationSearchInfo;

/**
 * The mock service's synthetic insured people, read from a JSON data file (format in docs/OQS-MOCK.md): people with
 * their qualifications (current, lost, successive, concurrent), the card certificates linked to them (by the auth
 * certificate's subject CN), revoked certificates, and the terminals allowed to do visual (目視) checks.
 *
 * <p>All people are synthetic. There is no field for a 個人番号: the service links cards by certificate only.
 */
public final class InsuredRegistry {
    /** The built-in registry resource (next to this class's package in resources). */
    public static final String RESOURCE = "/jp/mynadesk/oqs/registry.json";

    private static final Pattern INSURER = Pattern.compile("\\d{6}|\\d{8}");
    private static final Pattern RATIO = Pattern.compile("0[0-3]0");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String REGISTRY_SHAPE = "{\"people\": [...]} の形の JSON オブジェクト";
    /** What the fields allow where the type alone does not say it (docs/OQS-MOCK.md, "Registry file"). */
    private static final Map<String, String> HINTS = Map.of(
            "", REGISTRY_SHAPE,
            "insurerNumber", "8 桁（国保は 6 桁）の数字の文字列",
            "ratio", "\"010\"、\"020\"、\"030\" のいずれかの文字列",
            "sex", "\"1\"、\"2\"、\"9\" のいずれかの文字列",
            "selfPay", "整数（円）",
            "serial", "16 進数の文字列");
    /** Registry files can be long: errors about a value also give its line. */
    static final JsonProblem PROBLEMS = new JsonProblem(HINTS, 1, true);
    /** The header of the lines format is the file's line 2. */
    static final JsonProblem HEADER_PROBLEMS = new JsonProblem(HINTS, 2, true);
    private static final int MAX_PROBLEMS_SHOWN = 10;

    // --- the file's shape ------------------------------------------------------------------------

    /**
     * @param smartphoneCertificates subject CNs of スマホ用電子証明書 (no grace after expiry, docs/RULES.md §3.1);
     *                               optional
     */
    public record Data(List<Institution> institutions, List<RevokedCertificate> revokedCertificates, List<Person> people,
                       List<ReferenceNumber> referenceNumbers, List<String> smartphoneCertificates) {}

    /**
     * A 照会番号 an institution registered for a qualification (OQSsiimm01, docs/OQS-MOCK.md §2.10): answers to
     * that institution about that qualification carry it as {@code ReferenceNumber}. {@code branch} null = every 枝番.
     */
    public record ReferenceNumber(String institution, String insurerNumber, String symbol, String number, String branch,
                                  String referenceNumber) {}

    /** A medical institution and the terminals registered for visual (目視) checks. */
    public record Institution(String code, List<String> visualTerminals) {}

    /** @param serial hex serial number of the auth certificate (issued by the service's CA) */
    public record RevokedCertificate(String serial, String subjectId, LocalDate revokedOn, String reason) {}

    /**
     * @param cards subject CNs of the 利用者証明用 certificates linked to this person (保険証利用登録)
     */
    public record Person(String id, String name, String kana, LocalDate birthdate, String sex, String address,
                         String postNumber, List<String> cards, List<Qualification> qualifications,
                         List<Subsidy> subsidies) {

        /** The 医療費助成 受給者証 valid on the day (ended or not yet begun ones are not offered). */
        public List<Subsidy> subsidiesOn(LocalDate day) {
            return nz(subsidies).stream().filter(x -> x != null && x.validOn(day)).toList();
        }
    }

    /**
     * A municipality's 医療費助成 受給者証 available through the card (PMH, docs/OQS-MOCK.md "医療費助成"):
     * {@code publicExpenseNumber} 公費負担者番号 (8 digits), {@code beneficiaryNumber} 受給者番号 (7 digits).
     */
    public record Subsidy(String name, String publicExpenseNumber, String beneficiaryNumber, LocalDate validFrom,
                          LocalDate validUntil) {

        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
        }
    }

    /**
     * One qualification (資格). {@code insurerNumber} is 8 digits, or 6 for 国保. {@code unregistered} marks a
     * 医療扶助 record answered as 有効（未登録） (資格有効性 6).
     */
    public record Qualification(String insurerNumber, String insurerName, String symbol, String number, String branch,
                                String cardClassification, String family, String insuredName, String ratio,
                                LocalDate qualificationDate, LocalDate disqualificationDate, String reasonOfLoss,
                                LocalDate cardIssued, LocalDate cardValidFrom, LocalDate cardValidUntil,
                                Elderly elderly, Limit limit, List<Disease> specificDiseases, Boolean unregistered,
                                List<MedicalTicket> medicalTickets) {

        /** A qualification without 医療券 (every insurance but 医療扶助). */
        public Qualification(String insurerNumber, String insurerName, String symbol, String number, String branch,
                             String cardClassification, String family, String insuredName, String ratio,
                             LocalDate qualificationDate, LocalDate disqualificationDate, String reasonOfLoss,
                             LocalDate cardIssued, LocalDate cardValidFrom, LocalDate cardValidUntil,
                             Elderly elderly, Limit limit, List<Disease> specificDiseases, Boolean unregistered) {
            this(insurerNumber, insurerName, symbol, number, branch, cardClassification, family, insuredName, ratio,
                    qualificationDate, disqualificationDate, reasonOfLoss, cardIssued, cardValidFrom, cardValidUntil,
                    elderly, limit, specificDiseases, unregistered, null);
        }

        public boolean activeOn(LocalDate day) {
            return (qualificationDate == null || !day.isBefore(qualificationDate))
                    && (disqualificationDate == null || day.isBefore(disqualificationDate));
        }

        public boolean lostBy(LocalDate day) {
            return disqualificationDate != null && !day.isBefore(disqualificationDate);
        }

        public boolean isUnregistered() {
            return Boolean.TRUE.equals(unregistered);
        }
    }

    /**
     * 高齢受給者証 (70–74). {@code renewsYearly}: the insurer renews it every year for the same period of the year
     * (docs/OQS-MOCK.md §2.8), up to the day before the 75th birthday.
     */
    public record Elderly(LocalDate issued, LocalDate validFrom, LocalDate validUntil, String ratio, Boolean renewsYearly) {}

    /** 限度額適用認定証: classification OQSCD011 ("01"–"03"), flag OQSCD012 ("A01"–"B10"); {@code renewsYearly} as above. */
    public record Limit(String classification, String flag, LocalDate issued, LocalDate validFrom, LocalDate validUntil,
                        LocalDate longTermDate, Boolean renewsYearly) {}

    /** 特定疾病療養受療証: category OQSCD013 ("1"–"3"), selfPay 月額自己負担限度額 in yen; {@code renewsYearly} as above. */
    public record Disease(String category, LocalDate issued, LocalDate validFrom, LocalDate validUntil, int selfPay,
                          Boolean renewsYearly) {}

    /**
     * A 医療扶助 医療券 (docs/OQS-MOCK.md §2.5): issued by the 福祉事務所 for one month of treatment at one designated
     * institution. Without {@code month} the ticket is issued anew every month (the answer names the query day's
     * month); with it (yyyy-MM) it is that month's ticket only. Codes: ticketType OQSCD018, treatmentType OQSCD019,
     * singleOrCombined OQSCD020, the status fields OQSCD021/023/024/025.
     */
    public record MedicalTicket(String ticketType, String month, String issueNumber, String designatedInstitutionCode,
                                String designatedInstitutionName, List<String> injuryNames, String treatmentType,
                                Integer selfPayAmount, String districtContactName, String handlingContactName,
                                String singleOrCombined, String socialInsurance, String infection, String elderlyMedicalCare,
                                String prefecturalExpenses, List<String> remarks) {}

    /** A person with one of their qualifications. */
    public record Match(Person person, Qualification qualification) {}

    // --- the registry ---------------------------------------------------------------------------------

    private final Data header;
    private final PeopleSource people;
    private final Map<BigInteger, RevokedCertificate> revoked = new HashMap<>();
    private final Set<String> visualTerminals = new HashSet<>();
    private final Map<String, String> referenceNumbers = new HashMap<>();

    /** @param header institutions and revoked certificates (its people, if any, are already in {@code people}) */
    private InsuredRegistry(Data header, PeopleSource people, List<String> problems) {
        this.header = header;
        this.people = people;
        for (Institution i : nz(header.institutions())) {
            for (String t : nz(i.visualTerminals())) {
                visualTerminals.add(i.code() + "/" + t);
            }
        }
        for (ReferenceNumber r : nz(header.referenceNumbers())) {
            if (r != null && r.referenceNumber() != null) {
                referenceNumbers.put(referenceKey(r.institution(), r.insurerNumber(), r.symbol(), r.number(), r.branch()),
                        r.referenceNumber());
            }
        }
        List<RevokedCertificate> revokedList = nz(header.revokedCertificates());
        for (int i = 0; i < revokedList.size(); i++) {
            RevokedCertificate r = revokedList.get(i);
            try {
                revoked.put(new BigInteger(r.serial(), 16), r);
            } catch (RuntimeException e) {
                problems.add("revokedCertificates[" + i + "]" + (r == null ? ": null は使えません。"
                        : ".serial: 16 進数の文字列（証明書のシリアル番号）を指定してください。"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(joined(problems));
        }
    }

    /** The first problems, one sentence each; a file wrong throughout is not listed line by line. */
    static String joined(List<String> problems) {
        String shown = String.join(" ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_SHOWN)));
        return problems.size() > MAX_PROBLEMS_SHOWN ? shown + "（ほか " + (problems.size() - MAX_PROBLEMS_SHOWN) + " 件）" : shown;
    }

    private static InsuredRegistry inMemory(Data data) {
        if (data == null) {
            throw new IllegalArgumentException("中身が null です。" + REGISTRY_SHAPE + "にしてください。");
        }
        List<String> problems = new ArrayList<>();
        return new InsuredRegistry(data, new PeopleInMemory(nz(data.people()), problems), problems);
    }

    /**
     * What is wrong with one person (both formats check people the same way), one Japanese sentence each, starting
     * with {@code where} (such as {@code people[3]}). No value from the file is repeated: it may be personal data.
     */
    static List<String> problemsOf(Person p, String where) {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (p.name() == null) {
            missing.add("name");
        }
        if (p.kana() == null) {
            missing.add("kana");
        }
        if (p.birthdate() == null) {
            missing.add("birthdate");
        }
        if (p.sex() == null) {
            missing.add("sex");
        }
        if (!missing.isEmpty()) {
            problems.add(where + ": 必須の項目 " + String.join(", ", missing) + " がありません。");
        }
        List<Subsidy> subsidies = nz(p.subsidies());
        for (int i = 0; i < subsidies.size(); i++) {
            Subsidy x = subsidies.get(i);
            String at = where + ".subsidies[" + i + "]";
            if (x == null || x.name() == null || x.name().isBlank()) {
                problems.add(at + ": 必須の項目 name（医療費助成の名称）がありません。");
                continue;
            }
            if (x.publicExpenseNumber() == null || !x.publicExpenseNumber().matches("\\d{8}")) {
                problems.add(at + ".publicExpenseNumber: 公費負担者番号は 8 桁の数字の文字列にしてください。");
            }
            if (x.beneficiaryNumber() == null || !x.beneficiaryNumber().matches("\\d{7}")) {
                problems.add(at + ".beneficiaryNumber: 受給者番号は 7 桁の数字の文字列にしてください。");
            }
        }
        List<Qualification> qualifications = nz(p.qualifications());
        for (int i = 0; i < qualifications.size(); i++) {
            Qualification q = qualifications.get(i);
            String at = where + ".qualifications[" + i + "]";
            if (q == null) {
                problems.add(at + ": null は使えません。資格のオブジェクトを指定してください。");
                continue;
            }
            if (!validInsurer(q.insurerNumber())) {
                problems.add(at + ".insurerNumber: 保険者番号は 8 桁（国保は 6 桁）の数字にしてください。");
            }
            List<String> required = new ArrayList<>();
            if (q.insurerName() == null) {
                required.add("insurerName");
            }
            if (q.number() == null) {
                required.add("number");
            }
            if (!required.isEmpty()) {
                problems.add(at + ": 必須の項目 " + String.join(", ", required) + " がありません。");
            }
            if (q.ratio() != null && !RATIO.matcher(q.ratio()).matches()) {
                problems.add(at + ".ratio: 負担割合は 010、020、030 のいずれかにしてください。");
            }
        }
        return problems;
    }

    static boolean validInsurer(String number) {
        return number != null && INSURER.matcher(number).matches();
    }

    /** The built-in registry (includes the seed's 協会 太郎 and a person for every card profile). */
    public static InsuredRegistry builtIn() {
        return BuiltIn.REGISTRY; // read once: a registry never changes after it is built, and every scenario starts a service
    }

    /** Holder of {@link #builtIn()}: read on first use. */
    private static final class BuiltIn {
        static final InsuredRegistry REGISTRY = readBuiltIn();
    }

    private static InsuredRegistry readBuiltIn() {
        try (InputStream in = InsuredRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in registry " + RESOURCE + " is missing");
            }
            return inMemory(JSON.readValue(in, Data.class));
        } catch (IOException e) {
            throw new IllegalStateException("built-in registry cannot be read", e);
        }
    }

    /**
     * Reads a registry file: the JSON format, or the lines format (recognised by its first line) for large
     * registries, which is indexed in one streaming pass and read lazily.
     *
     * @throws IOException              the file cannot be read
     * @throws IllegalArgumentException the content is not a valid registry; the message names the file and says where
     */
    public static InsuredRegistry load(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(PeopleFile.MAGIC.length());
        }
        try {
            if (PeopleFile.isLinesFormat(start)) {
                PeopleFile.Loaded loaded = PeopleFile.open(file, JSON.readerFor(Data.class), JSON.readerFor(Person.class));
                return new InsuredRegistry(loaded.header(), loaded.people(), new ArrayList<>());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return inMemory(JSON.readValue(in, Data.class));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw notARegistry(file, PROBLEMS.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw notARegistry(file, e.getMessage(), e);
        }
    }

    private static IllegalArgumentException notARegistry(Path file, String detail, Exception cause) {
        return new IllegalArgumentException("登録者ファイル " + file + " を読み込めません: " + detail, cause);
    }

    /** How many people the registry holds. */
    public int size() {
        return people.size();
    }

    public Optional<Person> byCard(String subjectCn) {
        return people.byCard(subjectCn);
    }

    /** Qualifications whose 保険者番号・記号・番号 (and 枝番 when given) and 生年月日 match. */
    public List<Match> byNumbers(QualificationSearchInfo info, LocalDate birthdate) {
        String key = key(info.insurerNumber(), info.insuredCardSymbol(), info.insuredIdentificationNumber());
        String branch = blankToNull(info.insuredBranchNumber());
        List<Match> out = new ArrayList<>();
        for (Person p : people.byNumbersKey(key)) {
            if (!p.birthdate().equals(birthdate)) {
                continue;
            }
            for (Qualification q : nz(p.qualifications())) {
                if (key.equals(key(q.insurerNumber(), q.symbol(), q.number()))
                        && (branch == null || branch.equals(q.branch()))) {
                    out.add(new Match(p, q));
                }
            }
        }
        return out;
    }

    public Optional<RevokedCertificate> revoked(BigInteger serial) {
        return Optional.ofNullable(revoked.get(serial));
    }

    public List<RevokedCertificate> revokedCertificates() {
        return nz(header.revokedCertificates());
    }

    /** Whether the certificate with this subject CN is a smartphone's (no grace after expiry, docs/RULES.md §3.1). */
    public boolean smartphoneCertificate(String subjectCn) {
        return subjectCn != null && nz(header.smartphoneCertificates()).contains(subjectCn);
    }

    /** The 照会番号 {@code institution} registered for {@code q} (its 枝番 first, then any 枝番), if any. */
    public Optional<String> referenceNumber(String institution, Qualification q) {
        if (institution == null || referenceNumbers.isEmpty()) {
            return Optional.empty();
        }
        String exact = referenceNumbers.get(referenceKey(institution, q.insurerNumber(), q.symbol(), q.number(), q.branch()));
        return Optional.ofNullable(exact != null ? exact
                : referenceNumbers.get(referenceKey(institution, q.insurerNumber(), q.symbol(), q.number(), null)));
    }

    private static String referenceKey(String institution, String insurer, String symbol, String number, String branch) {
        return institution + "/" + key(insurer, symbol, number) + "/" + (branch == null ? "*" : branch.strip());
    }

    public boolean visualAllowed(String institution, String terminal) {
        return institution != null && terminal != null && visualTerminals.contains(institution + "/" + terminal);
    }

    /** 国保 numbers arrive as 6 digits, zero-padded or space-padded to 8: all mean the same insurer. */
    static String normaliseInsurer(String number) {
        if (number == null) {
            return "";
        }
        String n = number.strip();
        return n.length() == 8 && n.startsWith("00") ? n.substring(2) : n;
    }

    /** The lookup key of 保険者番号・記号・番号, normalised as the service compares them. */
    static String key(String insurer, String symbol, String number) {
        return normaliseInsurer(insurer) + "|" + (symbol == null ? "" : symbol.strip()) + "|" + (number == null ? "" : number.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
