package jp.mynadesk.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made with Debian's {@code openssl} command, as QA would make one: {@code ca.pem} (self-signed,
 * CA:TRUE) and {@code ca-key.pem} (RSA-2048, PKCS#8, not encrypted) in a folder. Fails the test when openssl is missing
 * or fails: the point is that files made by another tool are read.
 */
public final class OpensslCa {
    public static final String CERTIFICATE = "ca.pem";
    public static final String KEY = "ca-key.pem";

    private OpensslCa() {}

    /** Makes {@value #CERTIFICATE} and {@value #KEY} in {@code dir} with the given subject (openssl's /C=../O=.. form). */
    public static Path make(Path dir, String subject) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-noenc", "-keyout", KEY, "-out", CERTIFICATE,
                "-days", "7300", "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return dir.resolve(CERTIFICATE);
    }

    /**
     * A card profile file {@code <name>.json} in {@code dir} whose issuer is the CA there (relative paths): holder
     * 試験 花子, born 1990-04-01, PIN 1234, issued 2025-04-01.
     */
    public static Path profile(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, """
                {"name": "%s", "description": "issued by a CA made with openssl",
                 "holder": {"name": "試験 花子", "kana": "シケン ハナコ", "birthDate": "1990-04-01", "sex": "2",
                            "address": "東京都千代田区霞が関一丁目１番１号"},
                 "issued": "2025-04-01",
                 "issuer": {"certificate": "%s", "key": "%s"}}
                """.formatted(name, CERTIFICATE, KEY), StandardCharsets.UTF_8);
        return file;
    }

    /** Runs a command in {@code dir}; its output is returned, a non-zero exit fails with it. */
    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("openssl", ".log");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
