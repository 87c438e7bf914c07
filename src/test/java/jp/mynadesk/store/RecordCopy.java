package jp.mynadesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A record made once for a test class, copied for each test: the SQLite file, its key and anchor files, with their
 * permissions (the store refuses a key others can read). Recording the same morning before every test cost more than
 * the edits the tests are about.
 */
final class RecordCopy {
    private RecordCopy() {}

    /** Copies the closed record in {@code from} into the empty folder {@code to}. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
