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
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            String where = "people[" + i + "]";
            if (p == null) {
                problems.add(where + ": null は使えません。人のオブジェクトを指定してください。");
                continue;
            }
            if (p.id() == null) {
                problems.add(where + ".id: id がありません。人ごとに違う id を指定してください。");
            } else if (!ids.add(p.id())) {
                problems.add(where + ".id: 同じ id の人が前にもいます。人ごとに違う id を指定してください。");
            }
            problems.addAll(InsuredRegistry.problemsOf(p, where));
            List<String> cards = InsuredRegistry.nz(p.cards());
            for (int c = 0; c < cards.size(); c++) {
                if (byCard.put(cards.get(c), p) != null) {
                    problems.add(where + ".cards[" + c + "]: このカードは別の人にも結び付いています。"
                            + "カードは一人にだけ結び付けてください。");
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
