/**
 * {@code BenchReport} (median of rounds with min/max, PASS/FAIL against each target, JSON); {@code DeskBench} (full
 * PIN check latency through a {@code Station}, re-check of pending visits, visits listing); {@code CardBench} (APDU
 * round trips, read+verify+sign); {@code OqsBench} + {@code HttpLoad} (service capacity from raw keep-alive sockets,
 * open-loop p99, client cost apart); {@code StartupBench} (the one-shot commands, and a {@code check} against a mock
 * service it runs, as child processes vs {@code java -version}); {@code RegistryBench} (a generated registry loaded
 * in a child JVM).
 *
 * <p><b>Benchmarks measure the thing, not the harness, and never gate a build.</b> {@code bench --oqs} drives the
 * service   with raw keep-alive sockets (request bytes encoded once, answers skipped by Content-Length) and reports
 * the   desk's {@code OqsClient} apart as client cost; the in-JVM client alone topped out at a fifth of the service.
 *  Each figure is the median of rounds after a warm-up, with min and max; verdicts are printed, exit is 0.   Targets:
 * service ≥ 3,000 queries/s, p99 ≤ 20 ms at 500 req/s offered; {@code check --json} ≤ 12× {@code java -version}   on
 * JDK 17 and ≤ 6× on JDK 25 with the AOT cache, the light one-shot commands ≤ 6× (issue 23);   a 1,000,000-person
 * registry ready in ≤ 3 s and ≤ 1 GB resident. Unit tests check only the logic.
 */
package jp.mynadesk.bench;
