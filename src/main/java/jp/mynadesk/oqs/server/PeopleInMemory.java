package jp.mynadesk.oqs.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mynadesk.oqs.server.InsuredRegistry.Person;
import jp.mynadesk.oqs.server.InsuredRegistry.Qualification;

/** The people of a JSON registry, held as objects: fine for the built-in registry and hand-written test files. */
final class PeopleInMemory implements PeopleSource {
    private final int size;
    private final Map<String, Person> byCard = new HashMap<>();
    private final Map<String, List<Person>> byNumbers = new HashMap<>();

    /** Indexes the people, adding what is wrong with them to {@code problems}. */
    PeopleInMemory(List<Person> people, List<String> problems) {
        this.size = people.size();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Person p : people) {
            if (p == null) {
                problems.add("people: null entry");
                continue;
            }
            if (p.id() == null || !ids.add(p.id())) {
                problems.add("people: missing or duplicate id " + p.id());
            }
            problems.addAll(InsuredRegistry.problemsOf(p));
            for (String card : InsuredRegistry.nz(p.cards())) {
                if (byCard.put(card, p) != null) {
                    problems.add("person '" + p.id() + "': card " + card + " is linked to two people");
                }
            }
            for (Qualification q : InsuredRegistry.nz(p.qualifications())) {
                List<Person> holders = byNumbers.computeIfAbsent(
                        InsuredRegistry.key(q.insurerNumber(), q.symbol(), q.number()), k -> new ArrayList<>());
                if (holders.isEmpty() || holders.get(holders.size() - 1) != p) {
                    holders.add(p);
                }
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Optional<Person> byCard(String subjectCn) {
        return Optional.ofNullable(byCard.get(subjectCn));
    }

    @Override
    public List<Person> byNumbersKey(String key) {
        return byNumbers.getOrDefault(key, List.of());
    }
}
