package jp.mynadesk.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.format.JsonText;

/** The tables shipped as data (resources {@code jp/mynadesk/ceiling/*.json}), chosen by the medical month's date. */
public final class CeilingTables {
    private static final String DIR = "/jp/mynadesk/ceiling/";

    private final List<CeilingTable> tables;

    public CeilingTables(List<CeilingTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The built-in tables. */
    public static CeilingTables builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final CeilingTables BUILT_IN = load();
    }

    public Optional<CeilingTable> forDate(LocalDate date) {
        for (CeilingTable t : tables) { // loops, not findFirst: see CeilingClass.ofCode
            if (t.covers(date)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public Optional<CeilingTable> byId(String id) {
        for (CeilingTable t : tables) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public List<CeilingTable> all() {
        return tables;
    }

    public String periods() {
        return tables.stream().map(CeilingTable::period).collect(Collectors.joining(", "));
    }

    private static CeilingTables load() {
        JsonNode index = read("tables.json");
        List<CeilingTable> list = new ArrayList<>();
        for (JsonNode name : index.get("tables")) {
            list.add(parse(read(name.asText())));
        }
        return new CeilingTables(list);
    }

    private static JsonNode read(String name) {
        try (InputStream in = CeilingTables.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing ceiling table resource " + DIR + name);
            }
            return JsonText.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ceiling table " + name, e);
        }
    }

    static CeilingTable parse(JsonNode t) {
        Map<CeilingClass, ClassLimits> classes = new EnumMap<>(CeilingClass.class);
        Iterator<Map.Entry<String, JsonNode>> it = t.get("classes").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            CeilingClass c = CeilingClass.ofCode(e.getKey())
                    .orElseThrow(() -> new IllegalStateException("table " + t.get("id") + ": unknown class " + e.getKey()));
            JsonNode v = e.getValue();
            classes.put(c, new ClassLimits(figure(v.get("household")), figure(v.get("many")), figure(v.get("outpatient")),
                    figure(v.get("outpatientAnnual")), figure(v.get("annual")), figure(v.get("annualLowIncome"))));
        }
        JsonNode sd = t.get("specifiedDisease");
        Set<CeilingClass> dialysisClasses = new HashSet<>();
        sd.get("dialysisHighIncomeClasses").forEach(n -> dialysisClasses.add(CeilingClass.ofCode(n.asText()).orElseThrow()));
        JsonNode to = t.get("validTo");
        return new CeilingTable(t.get("id").asText(), date(t.get("validFrom").asText()),
                to == null || to.isNull() ? null : date(to.asText()), t.path("status").asText(""), classes,
                figure(sd.get("standard")), figure(sd.get("dialysisHighIncome")), dialysisClasses);
    }

    private static LocalDate date(String text) {
        LocalDate date = EnteredDate.iso(text);
        if (date == null) {
            throw new IllegalStateException("ceiling table date is not YYYY-MM-DD: " + text);
        }
        return date;
    }

    private static Figure figure(JsonNode f) {
        if (f == null || f.isNull()) {
            return null;
        }
        Amount a = f.has("base") ? new Amount.OnePercent(f.get("base").asLong(), f.get("threshold").asLong())
                : new Amount.Flat(f.get("amount").asLong());
        return new Figure(a, f.path("provisional").asBoolean(false), f.path("note").asText(null));
    }
}
