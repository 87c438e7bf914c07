package jp.mynadesk.oqs.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import jp.mynadesk.oqs.server.InsuredRegistry.Person;
import jp.mynadesk.oqs.server.InsuredRegistry.Qualification;

/**
 * Synthetic registries of any size in the lines format, for tests and benchmarks. Person {@code i} depends only on
 * the seed and {@code i} ({@link #person}), so a benchmark can pick people at random and know what to ask for
 * without keeping the file in memory. Everyone is fictional: names from short lists, numbers from a counter.
 */
public final class RegistryGenerator {
    /** The institution and desk terminal written into every generated registry (allowed to do visual checks). */
    public static final String INSTITUTION = "1311111111";

    private static final String[][] FAMILY = {{"試験", "シケン"}, {"模擬", "モギ"}, {"仮名", "カメイ"}, {"見本", "ミホン"},
        {"架空", "カクウ"}, {"例示", "レイジ"}, {"検証", "ケンショウ"}, {"演習", "エンシュウ"}};
    private static final String[][] GIVEN = {{"一郎", "イチロウ"}, {"花子", "ハナコ"}, {"太郎", "タロウ"}, {"葵", "アオイ"},
        {"健", "ケン"}, {"結衣", "ユイ"}, {"翔", "ショウ"}, {"凛", "リン"}};
    /** 保険者: 協会けんぽ東京, a 組合, 国保 (6 digits), 後期高齢者 (39…). */
    private static final String[][] INSURERS = {{"01130012", "全国健康保険協会東京支部"}, {"06139999", "試験健康保険組合"},
        {"138057", "試験市国民健康保険"}, {"39139998", "試験県後期高齢者医療広域連合"}};
    private static final ObjectWriter PERSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build().writerFor(Person.class);

    private RegistryGenerator() {}

    /** Writes {@code people} synthetic people to {@code out} (replaced if present). */
    public static void write(Path out, int people, long seed) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(PeopleFile.MAGIC + "\n");
            w.write("{\"institutions\":[{\"code\":\"" + INSTITUTION + "\",\"visualTerminals\":[\"DESK-01\"]}],"
                    + "\"revokedCertificates\":[]}\n");
            for (int i = 0; i < people; i++) {
                Person p = person(seed, i);
                for (String card : p.cards()) {
                    w.write("c:" + card + "\t");
                }
                for (Qualification q : p.qualifications()) {
                    w.write("n:" + q.insurerNumber() + "|" + q.symbol() + "|" + q.number() + "\t");
                }
                w.write(PERSON.writeValueAsString(p));
                w.write('\n');
            }
        }
    }

    /** Person {@code i} of the registry generated with {@code seed}: one current qualification, and a card for most. */
    public static Person person(long seed, int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        String[] family = FAMILY[r.nextInt(FAMILY.length)];
        String[] given = GIVEN[r.nextInt(GIVEN.length)];
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(34_000));
        String[] insurer = INSURERS[r.nextInt(INSURERS.length)];
        LocalDate from = LocalDate.of(2020, 4, 1).plusDays(r.nextInt(2000));
        String name = family[0] + " " + given[0];
        Qualification q = new Qualification(insurer[0], insurer[1], String.valueOf(1000 + i % 9000),
                String.valueOf(i + 1), "00", "01", "1", name, "030", from, null, null, from, from, from.plusYears(5),
                null, null, List.of(), false);
        List<String> cards = r.nextInt(10) < 7 ? List.of(cardCn(seed, i)) : List.of();
        return new Person("G" + i, name, family[1] + " " + given[1], birth, r.nextBoolean() ? "1" : "2", "東京都千代田区試験町" + (i % 100),
                "100-0001", cards, List.of(q), null);
    }

    /** A 23-character subject CN, unique per person: "GN", the seed and the index in base 36, each zero-padded. */
    public static String cardCn(long seed, int i) {
        return "GN" + base36(Math.floorMod(seed, 36L * 36 * 36), 3) + base36(i, 18);
    }

    private static String base36(long n, int width) {
        String digits = Long.toString(n, 36).toUpperCase();
        return "0".repeat(width - digits.length()) + digits;
    }
}
