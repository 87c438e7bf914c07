/**
 * Parsing, calling and rendering only: {@code Main} (exit codes 0 decision / 1 unexpected / 2 bad input / 3
 * unavailable / 4 record tampered; builds only the named subcommand; {@code TraceOption}, the one {@code --trace
 * FILE} of check, desk and demo), {@code demo} (a script of events over a {@code Station}: PIN check, outage with
 * QR-scanned 資格確認書, recovery, re-check, visits, verify), {@code desk}, {@code check}, {@code recheck}, {@code
 * visits}, {@code db verify/backup}, {@code scenario run}, {@code trace replay}, {@code card
 * profiles/reader-profiles/serve}, {@code reader list}, {@code docs check/render/scan}, {@code insurer-number check},
 * {@code ceiling}, {@code service start}, {@code bench}. {@code DeskOptions} / {@code DataOptions} are the desk
 * commands' shared source options ({@code --config} declared once in {@code DataOptions}, {@code --trust-anchor} in
 * {@code DeskOptions}; both resolve {@code settings.Settings}). {@code SetupCommand} ({@code setup}: Japanese prompts
 * or options, each value checked) and {@code SettingsCommand} ({@code settings show [--json]}).
 *
 * <p><b>Start-up.</b> A one-shot command's run is mostly its start, so the light commands ({@code --version},
 * {@code insurer-number check}, {@code ceiling}, {@code docs check}) and {@code check} avoid what a cold JVM pays most
 * for:
 * - <i>Picocli's model</i> (about 170 ms cold on JDK 17: its built-in converters and one annotation proxy per
 * annotation type). Picocli is the one command-line parser (issue 21 point 7 removed the hand-written fast
 * path): {@code Main} builds only the subcommand named on the command line, and the class-data archive or AOT cache
 * holds Picocli's classes, re-encoded at build time (below).
 * - <i>An {@code ObjectMapper}</i> (about 170 ms to build cold). {@code format.JsonText} reads and writes {@code
 * JsonNode} trees
 * with Jackson's streaming parser and generator only, giving the same text as a default mapper
 * ({@code JsonTextTest} compares them).
 * - <i>Method-handle spinning</i>: string concatenation is compiled inline ({@code -XDstringConcat=inline}); no record
 * is
 * a hash key on these paths (a record's {@code equals}/{@code hashCode} bootstrap about 20 classes, ~40 ms); no
 * {@code Comparator.comparing} chains or stream {@code findFirst} there either (the JDK spins or links a class for each
 * at
 * a cold start, 4–10 ms). Our own lambdas are kept in the class-data archive and cost little.
 * - <i>Tables loaded for one character or one date</i>: no regular expression, Unicode normaliser (ASCII is
 * already NFKC), time-zone database ({@code Dates.JST} is UTC+9) or {@code DateTimeFormatter} ({@code EnteredDate.iso}
 * reads
 * YYYY-MM-DD by hand; a five-digit year is now refused like any other malformed date) on the light paths.
 * - <i>RSA key generation</i>: the simulator's keys for every built-in label ship in the jar (docs/CARD.md §8.1).
 * - <i>On the check path</i>: card profiles are bound from a {@code JsonText} tree when plainly well-formed (the mapper,
 *
 * built only when needed, still binds and explains everything else; {@code CardProfilesTest} holds the two equal);
 * an {@code http://} service gets an {@code HttpClient} whose TLS context refuses all use ({@code oqs.NoTlsContext}), so
 * the
 * system trust store is never loaded; the standard test CA is built once per process; SQLite connections come
 * from the driver directly (not {@code DriverManager}, which loads every driver); StAX uses the JDK's own factory.
 * - <i>What issue 23 measured and removed from a one-shot {@code check}</i>:
 * - the JVM's exit waited up to 300 ms for the {@code HttpClient} selector thread in {@code epoll_wait} (HotSpot waits
 * for
 * threads in native code at exit; strace: 330 ms on JDK 17 and 25). {@code OqsClient.close()} ends that thread
 * ({@code oqs.HttpClientStop}: interrupt it by the name the client gives it, then join; Java 17's client has no
 * {@code close()}); after the answer is printed the process is gone in about 40 ms (the record's checkpoint and log);
 * - sqlite-jdbc extracted its 1.1 MB native library to {@code /tmp} on every run (spawning {@code uname -o}), and killed
 *
 * runs left copies behind: {@code store.SqliteNative} extracts it once into {@code
 * target/sqlite-native/<version>-<os>-<arch>/}
 * beside the jar (a temporary file renamed into place, so concurrent first runs are safe), names it with
 * {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name} and points {@code org.sqlite.tmpdir} there; the first
 * extraction
 * deletes copies older than an hour that killed processes left in {@code /tmp}. Unwritable folder: the driver's own way;
 *
 * - all twelve built-in card profiles were bound and validated to use one: they are bound on first use;
 * - {@code TerminalFactory}'s static initialiser opened SunPCSC and connected to pcscd even with {@code --virtual}: a
 * virtual reader's {@code CardReaders} takes its {@code CardTerminals} directly, and the factory is made only for a
 * monitor;
 * - the settings file's YAML {@code ObjectMapper} was built when the class was touched (with its {@code
 * SimpleDateFormat},
 * the first user of CLDR locale data): it is built to read a file. sqlite-jdbc's {@code SQLiteConfig} still builds a
 * {@code FastDateFormat} (locale data) for every connection; {@code -Djava.locale.providers=COMPAT} is not used: JDK 23
 * removed it (JDK 25 warns on stderr and ignores it) and on JDK 17 it changes locale data for the whole process
 * for no gain measurable here;
 * - the bundled simulator certificates are still checked against issuance (four RSA verifications); not changed.
 * 
 * Main builds only the subcommand named on the command line; the root's help, its bare run and its usage errors list
 * the subcommands of {@code Main.commands()} by placeholders made from their {@code @Command} annotations alone
 * ({@code Main.listed}; {@code help X} builds X for real). The package phase runs {@code CdsTraining} under
 * {@code -XX:ArchiveClassesAtExit} for JDK 17:
 * {@code target/mynadesk.jsa} from the light commands (kept small: a 23 MB archive cost {@code --version} 25 ms more
 * than
 * it saved) and {@code target/mynadesk-desk.jsa} from a check against a mock service. Each is published only if its
 * run completed (a truncated archive crashes the JVM), with the {@code java.home} it fits in its {@code .jvm} file.
 * Where
 * {@code scripts/aot-jdk} finds a JDK 25 or later, the same phase trains an AOT cache with it ({@code CdsTraining all},
 * {@code -XX:AOTCacheOutput}): {@code target/mynadesk.aot}, with that JDK's home in {@code mynadesk.aot.jvm}, and
 * {@code target/mynadesk-check.aot} for {@code check} alone ({@code CdsTraining check}, the mock in a child JVM: a cache
 * loads every class it holds at start, and the mock's are not a check's)
 * ({@code MYNADESK_AOT_JDK=none} skips it). {@code ./mynadesk} then runs every command on that JDK with the cache;
 * otherwise
 * on the {@code java} on {@code PATH} with the archive for the command; {@code MYNADESK_JAVA} picks the JVM. Each file
 * is used
 * only when newer than the jar and made by the JVM that runs. The launcher starts with {@code -cp} ({@code -jar} reads
 * the
 * 15,000-entry jar once more for its manifest) and runs short commands with C1, Serial GC and no
 * performance-data file. Picocli is compiled for Java 5 (class-file version 49), which neither JDK 17's archive nor
 * JDK 25's AOT cache can hold linked ("old class has been linked" at dump time): every start loaded its 228 classes
 * from the jar and checked them with the old type-inferring verifier. Before the archives are trained, the package
 * phase re-encodes them as Java 8 class files with stack maps ({@code src/build}'s {@code ClassVersionUpgrade}, ASM in
 * the antrun step only; every re-encoded class is verified and initialised there or the build fails), and they are
 * archived like the rest: Picocli's part of a check went from 70-90 ms to about 40 ms on JDK 25.
 * A one-shot {@code check} also uses the second core: {@code station.Warmup} readies the built-in card profiles, the
 * simulator's CA, SQLite and the XML reader while Picocli reads the command line, and {@code Station.open} opens the
 * record on a thread of its own ({@code station.Opening}) while it makes the card.
 * {@code bench --startup} holds all this: every command through the launcher on every JVM it uses, against that JVM's
 * {@code java -version} in interleaved rounds, with the load average; targets {@code check --json} ≤ 12× on JDK 17,
 * ≤ 6× on JDK 25 with the cache, the light commands ({@code --version}, {@code --help}, {@code insurer-number check},
 * {@code ceiling},
 * {@code docs check}) ≤ 6×.
 */
package jp.mynadesk.cli;
