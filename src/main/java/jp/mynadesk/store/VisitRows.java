package jp.mynadesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import jp.mynadesk.desk.ConsentRecord;
import jp.mynadesk.desk.Patient;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitJson;
import jp.mynadesk.format.Dates;

/**
 * A visit as table rows: the visits row (indexed columns and the full JSON), its consent and its declaration. The
 * same mapping writes the rows and, in verify, says what the rows must be for the visit the audit chain recorded,
 * so an edit to any column is found.
 */
final class VisitRows {
    static final ZoneId JST = Dates.JST; // +09:00 fixed (docs/RULES.md §8)

    /** @param simulated 1 for a visit made in simulation, 0 at a clinic's reader (docs/CLINIC.md) */
    record VisitRow(String id, String day, int daySeq, String asOf, String terminal, String route, String outcome,
                    String recheckState, String body, int simulated) {}

    /** @param answers category code → 1 yes / 0 no */
    record ConsentRow(int registered, String source, String registeredAt, String availableUntil, String revokedAt,
                      Map<String, Integer> answers) {}

    record DeclarationRow(String name, String sex, String birthDate, String address, String contact,
                          String statedInsurance) {}

    /**
     * The answer to 「医療費助成の受給者証を利用しますか」 (1 yes / 0 no) and the 受給者証 kept, in order (V5).
     */
    record SubsidyRow(int used, java.util.List<SubsidyCertificateRow> certificates) {}

    record SubsidyCertificateRow(String name, String publicExpenseNumber, String beneficiaryNumber) {}

    /** Everything stored about one visit; consent, declaration and subsidy are null when the visit has none. */
    record Image(String id, VisitRow visit, ConsentRow consent, DeclarationRow declaration, SubsidyRow subsidy) {
        Image(String id, VisitRow visit, ConsentRow consent, DeclarationRow declaration) {
            this(id, visit, consent, declaration, null);
        }
    }

    private VisitRows() {}

    /** The day a visit is filed under: its date in Japan. */
    static LocalDate day(OffsetDateTime asOf) {
        return asOf.atZoneSameInstant(JST).toLocalDate();
    }

    static String id(LocalDate day, int daySeq) {
        return day + "-" + String.format("%04d", daySeq);
    }

    /** The rows of a visit that has its id. */
    static Image image(Visit v) {
        return image(v, VisitJson.full(v));
    }

    /**
     * The rows of a visit whose full JSON is {@code full} as it was written then (verify passes the audit payload:
     * staff messages in it may have been worded differently by an older mynadesk).
     */
    static Image image(Visit v, JsonNode full) {
        Objects.requireNonNull(v.visitId(), "visit id");
        LocalDate day = day(v.asOf());
        int daySeq = Integer.parseInt(v.visitId().substring(v.visitId().lastIndexOf('-') + 1));
        VisitRow row = new VisitRow(v.visitId(), day.toString(), daySeq, v.asOf().toString(), v.terminal(),
                v.route().code(), v.outcome().code(), v.recheckState().code(), Canonical.text(full), v.simulated() ? 1 : 0);
        return new Image(v.visitId(), row, consent(v.consent()), declaration(v.patient(), v.statedInsurance()),
                subsidy(v.subsidy()));
    }

    private static SubsidyRow subsidy(jp.mynadesk.desk.SubsidyRecord s) {
        return s == null ? null : new SubsidyRow(s.used() ? 1 : 0, s.certificates().stream()
                .map(x -> new SubsidyCertificateRow(x.name(), x.publicExpenseNumber(), x.beneficiaryNumber())).toList());
    }

    private static ConsentRow consent(ConsentRecord c) {
        if (c == null) {
            return null;
        }
        Map<String, Integer> answers = new TreeMap<>();
        c.categories().forEach((category, yes) -> answers.put(category.code(), yes ? 1 : 0));
        return new ConsentRow(c.registered() ? 1 : 0, c.source().code(), text(c.registeredAt()),
                text(c.availableUntil()), text(c.revokedAt()), answers);
    }

    private static DeclarationRow declaration(Patient p, String statedInsurance) {
        if (p == null && statedInsurance == null) {
            return null;
        }
        return p == null
                ? new DeclarationRow(null, null, null, null, null, statedInsurance)
                : new DeclarationRow(p.name(), p.sex(), p.birthDate() == null ? null : p.birthDate().toString(),
                        p.address(), p.contact(), statedInsurance);
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }

    static void insert(Connection c, Image image) throws SQLException {
        VisitRow v = image.visit();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO visits (id, day, day_seq, as_of, terminal, route, "
                + "outcome, recheck_state, body, simulated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, v.id());
            p.setString(2, v.day());
            p.setInt(3, v.daySeq());
            p.setString(4, v.asOf());
            p.setString(5, v.terminal());
            p.setString(6, v.route());
            p.setString(7, v.outcome());
            p.setString(8, v.recheckState());
            p.setString(9, v.body());
            p.setInt(10, v.simulated());
            p.executeUpdate();
        }
        insertChildren(c, image);
    }

    /** Replaces the stored rows of a visit that changed (re-check state, consent revoked). */
    static void rewrite(Connection c, Image image) throws SQLException {
        VisitRow v = image.visit();
        try (PreparedStatement p = c.prepareStatement("UPDATE visits SET as_of = ?, terminal = ?, route = ?, "
                + "outcome = ?, recheck_state = ?, body = ?, simulated = ? WHERE id = ?")) {
            p.setString(1, v.asOf());
            p.setString(2, v.terminal());
            p.setString(3, v.route());
            p.setString(4, v.outcome());
            p.setString(5, v.recheckState());
            p.setString(6, v.body());
            p.setInt(7, v.simulated());
            p.setString(8, v.id());
            p.executeUpdate();
        }
        for (String table : new String[] {"consent_answers", "consents", "declarations", "subsidy_certificates",
            "subsidy_answers"}) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE visit_id = ?")) {
                p.setString(1, v.id());
                p.executeUpdate();
            }
        }
        insertChildren(c, image);
    }

    /** The consent and declaration rows of a visit whose visits row is written. */
    static void insertChildren(Connection c, Image image) throws SQLException {
        String id = image.id();
        ConsentRow consent = image.consent();
        if (consent != null) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO consents (visit_id, registered, source, "
                    + "registered_at, available_until, revoked_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setInt(2, consent.registered());
                p.setString(3, consent.source());
                p.setString(4, consent.registeredAt());
                p.setString(5, consent.availableUntil());
                p.setString(6, consent.revokedAt());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO consent_answers (visit_id, category, answer) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Integer> answer : consent.answers().entrySet()) {
                    p.setString(1, id);
                    p.setString(2, answer.getKey());
                    p.setInt(3, answer.getValue());
                    p.executeUpdate();
                }
            }
        }
        SubsidyRow subsidy = image.subsidy();
        if (subsidy != null) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO subsidy_answers (visit_id, used) VALUES (?, ?)")) {
                p.setString(1, id);
                p.setInt(2, subsidy.used());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO subsidy_certificates (visit_id, seq, name, "
                    + "public_expense_number, beneficiary_number) VALUES (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (SubsidyCertificateRow x : subsidy.certificates()) {
                    p.setString(1, id);
                    p.setInt(2, ++seq);
                    p.setString(3, x.name());
                    p.setString(4, x.publicExpenseNumber());
                    p.setString(5, x.beneficiaryNumber());
                    p.executeUpdate();
                }
            }
        }
        DeclarationRow d = image.declaration();
        if (d != null) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO declarations (visit_id, name, sex, birth_date, "
                    + "address, contact, stated_insurance) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, d.name());
                p.setString(3, d.sex());
                p.setString(4, d.birthDate());
                p.setString(5, d.address());
                p.setString(6, d.contact());
                p.setString(7, d.statedInsurance());
                p.executeUpdate();
            }
        }
    }

    /** Every stored visit's rows, in id order (verify compares them with the audit chain). */
    static Map<String, Image> loadAll(Connection c) throws SQLException {
        Map<String, Map<String, Integer>> answers = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT visit_id, category, answer FROM consent_answers")) {
            while (rs.next()) {
                answers.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
            }
        }
        Map<String, ConsentRow> consents = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT visit_id, registered, source, "
                + "registered_at, available_until, revoked_at FROM consents")) {
            while (rs.next()) {
                String id = rs.getString(1);
                consents.put(id, new ConsentRow(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), answers.getOrDefault(id, new TreeMap<>())));
            }
        }
        Map<String, DeclarationRow> declarations = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT visit_id, name, sex, birth_date, "
                + "address, contact, stated_insurance FROM declarations")) {
            while (rs.next()) {
                declarations.put(rs.getString(1), new DeclarationRow(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        Map<String, java.util.List<SubsidyCertificateRow>> certificates = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT visit_id, name, "
                + "public_expense_number, beneficiary_number FROM subsidy_certificates ORDER BY visit_id, seq")) {
            while (rs.next()) {
                certificates.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                        .add(new SubsidyCertificateRow(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        Map<String, SubsidyRow> subsidies = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT visit_id, used FROM subsidy_answers")) {
            while (rs.next()) {
                String id = rs.getString(1);
                subsidies.put(id, new SubsidyRow(rs.getInt(2), certificates.getOrDefault(id, java.util.List.of())));
            }
        }
        Map<String, Image> images = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, day, day_seq, as_of, "
                + "terminal, route, outcome, recheck_state, body, simulated FROM visits ORDER BY day, day_seq")) {
            while (rs.next()) {
                String id = rs.getString(1);
                VisitRow row = new VisitRow(id, rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10));
                images.put(id, new Image(id, row, consents.remove(id), declarations.remove(id), subsidies.remove(id)));
            }
        }
        // Child rows whose visit is gone (foreign keys off in the editing tool) are tampering too.
        consents.keySet().forEach(id -> images.putIfAbsent(id, new Image(id, null, consents.get(id), null)));
        declarations.keySet().forEach(id -> images.putIfAbsent(id, new Image(id, null, null, declarations.get(id))));
        subsidies.keySet().forEach(id -> images.putIfAbsent(id, new Image(id, null, null, null, subsidies.get(id))));
        return images;
    }
}
