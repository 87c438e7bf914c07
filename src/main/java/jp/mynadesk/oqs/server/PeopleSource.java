package jp.mynadesk.oqs.server;

import java.util.List;
import java.util.Optional;
import jp.mynadesk.oqs.server.InsuredRegistry.Person;

/** Where the registry finds its people: all in memory (the JSON format) or indexed in a people file (the lines format). */
sealed interface PeopleSource permits PeopleInMemory, PeopleFile {
    int size();

    Optional<Person> byCard(String subjectCn);

    /** People with a qualification under this normalised 保険者番号|記号|番号 key (see {@link InsuredRegistry#key}). */
    List<Person> byNumbersKey(String key);
}
