package jp.mynadesk.oqs.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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

    // --- the file's shape ------------------------------------------------------------------------

    public record Data(List<Institution> institutions, List<RevokedCertificate> revokedCertificates, List<Person> people) {}

    /** A medical institution and the terminals registered for visual (目視) checks. */
    public record Institution(String code, List<String> visualTerminals) {}

    /** @param serial hex serial number of the auth certificate (issued by the service's CA) */
    public record RevokedCertificate(String serial, String subjectId, LocalDate revokedOn, String reason) {}

    /**
     * @param cards subject CNs of the 利用者証明用 certificates linked to this person (保険証利用登録)
     */
    public record Person(String id, String name, String kana, LocalDate birthdate, String sex, String address,
                         String postNumber, List<String> cards, List<Qualification> qualifications) {}

    /**
     * One qualification (資格). {@code insurerNumber} is 8 digits, or 6 for 国保. {@code unregistered} marks a
     * 医療扶助 record answered as 有効（未登録） (資格有効性 6).
     */
    public record Qualification(String insurerNumber, String insurerName, String symbol, String number, String branch,
                                String cardClassification, String family, String insuredName, String ratio,
                                LocalDate qualificationDate, LocalDate disqualificationDate, String reasonOfLoss,
                                LocalDate cardIssued, LocalDate cardValidFrom, LocalDate cardValidUntil,
                                Elderly elderly, Limit limit, List<Disease> specificDiseases, Boolean unregistered) {

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

    /** 高齢受給者証 (70–74). */
    public record Elderly(LocalDate issued, LocalDate validFrom, LocalDate validUntil, String ratio) {}

    /** 限度額適用認定証: classification OQSCD011 ("01"–"03"), flag OQSCD012 ("A01"–"B10"). */
    public record Limit(String classification, String flag, LocalDate issued, LocalDate validFrom, LocalDate validUntil,
                        LocalDate longTermDate) {}

    /** 特定疾病療養受療証: category OQSCD013 ("1"–"3"), selfPay 月額自己負担限度額 in yen. */
    public record Disease(String category, LocalDate issued, LocalDate validFrom, LocalDate validUntil, int selfPay) {}

    /** A person with one of their qualifications. */
    public record Match(Person person, Qualification qualification) {}

    // --- the registry ---------------------------------------------------------------------------------

    private final Data header;
    private final PeopleSource people;
    private final Map<BigInteger, RevokedCertificate> revoked = new HashMap<>();
    private final Set<String> visualTerminals = new HashSet<>();

    /** @param header institutions and revoked certificates (its people, if any, are already in {@code people}) */
    private InsuredRegistry(Data header, PeopleSource people, List<String> problems) {
        this.header = header;
        this.people = people;
        for (Institution i : nz(header.institutions())) {
            for (String t : nz(i.visualTerminals())) {
                visualTerminals.add(i.code() + "/" + t);
            }
        }
        for (RevokedCertificate r : nz(header.revokedCertificates())) {
            try {
                revoked.put(new BigInteger(r.serial(), 16), r);
            } catch (RuntimeException e) {
                problems.add("revokedCertificates: serial must be hex, got " + r.serial());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static InsuredRegistry inMemory(Data data) {
        if (data == null) {
            throw new IllegalArgumentException("the content is null, not a registry object");
        }
        List<String> problems = new ArrayList<>();
        return new InsuredRegistry(data, new PeopleInMemory(nz(data.people()), problems), problems);
    }

    /** What is wrong with one person (both formats check people the same way). */
    static List<String> problemsOf(Person p) {
        List<String> problems = new ArrayList<>();
        String where = "person '" + p.id() + "'";
        if (p.name() == null || p.kana() == null || p.birthdate() == null || p.sex() == null) {
            problems.add(where + ": name, kana, birthdate and sex are required");
        }
        for (Qualification q : nz(p.qualifications())) {
            if (!validInsurer(q.insurerNumber())) {
                problems.add(where + ": insurerNumber must be 6 (国保) or 8 digits, got " + q.insurerNumber());
            }
            if (q.number() == null || q.insurerName() == null) {
                problems.add(where + ": number and insurerName are required");
            }
            if (q.ratio() != null && !RATIO.matcher(q.ratio()).matches()) {
                problems.add(where + ": ratio must be 010, 020 or 030, got " + q.ratio());
            }
        }
        return problems;
    }

    static boolean validInsurer(String number) {
        return number != null && INSURER.matcher(number).matches();
    }

    /** The built-in registry (includes the seed's 協会 太郎 and a person for every card profile). */
    public static InsuredRegistry builtIn() {
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
        } catch (JsonMappingException e) {
            throw notARegistry(file, e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw notARegistry(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw notARegistry(file, e.getMessage(), e);
        }
    }

    private static IllegalArgumentException notARegistry(Path file, String detail, Exception cause) {
        return new IllegalArgumentException("登録者ファイル " + file + " を読み込めません / not a valid registry: " + detail, cause);
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
