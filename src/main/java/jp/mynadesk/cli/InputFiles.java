package jp.mynadesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Input-file arguments read whole ({@code trace replay FILE}): only a regular file is opened (a named pipe or a device
 * would block the read for ever or never end), at most {@code maxBytes} of it is read, and every refusal is exit 2
 * with a Japanese message naming the option.
 */
final class InputFiles {
    private InputFiles() {}

    /**
     * The file's text (UTF-8, strictly decoded).
     *
     * @param option what the user typed it as ({@code FILE}, {@code --document})
     * @param what   what the file is, in Japanese ("トレースファイル")
     */
    static String readUtf8(String option, String what, Path file, int maxBytes) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw CliException.badInput(option + ": " + what + " " + file + " は通常のファイルではありません（フォルダ・名前付きパイプ・"
                    + "デバイスからは読みません）。" + what + "のパスを指定してください。");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw CliException.badInput(option + ": " + what + " " + file + " を読めません（ファイルがないか、読み取り権限がありません）。");
        }
        if (bytes.length > maxBytes) {
            throw CliException.badInput(option + ": " + what + " " + file + " は大きすぎます（" + size(maxBytes) + " まで）。"
                    + what + "を指定しているか確かめてください。");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CliException.badInput(option + ": " + what + " " + file + " は UTF-8 のテキストではありません。");
        }
    }

    /** "32 MiB", "256 KiB". */
    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : String.format(Locale.ROOT, "%,d バイト", bytes);
    }
}
