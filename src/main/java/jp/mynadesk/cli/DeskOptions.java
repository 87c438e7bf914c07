package jp.mynadesk.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.station.Station;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.ProfileException;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The sources a desk command runs against (check, desk, recheck, visits): reader, service, record, clock. */
final class DeskOptions {
    static final class Reader {
        @Option(names = "--virtual", paramLabel = "PROFILE", description = "仮想カードリーダーに入れるカードのプロファイル名か JSON ファイル")
        String virtual;

        @Option(names = "--reader", paramLabel = "NAME", description = "PC/SC（pcscd）のカードリーダー名（一部でも可）")
        String pcsc;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Reader reader;

    @Option(names = "--reader-profile", paramLabel = "NAME|FILE",
            description = "仮想カードリーダーの機種ごとの癖（mynadesk card reader-profiles の一覧）。--virtual と使います")
    String readerProfile;

    @Option(names = "--service", paramLabel = "URL",
            description = "オンライン資格確認サービスの URL（既定: $MYNADESK_SERVICE、なければこのプロセス内の模擬サービス）")
    String service;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--as-of", paramLabel = "DATETIME", converter = AsOf.Converter.class,
            description = "この日時として動きます（2026-12-01 は その日の9時）。既定: 今")
    AsOf asOf;

    @Option(names = "--terminal", paramLabel = "ID", description = "この受付端末の名前（既定: $MYNADESK_TERMINAL、なければ DESK-01）")
    String terminal;

    @Option(names = "--institution", paramLabel = "CODE", description = "医療機関コード10桁（既定: 1311111111）")
    String institution;

    /** The virtual card's profile as given (for a trace's header), or null. */
    String virtualProfileName() {
        return reader == null ? null : reader.virtual;
    }

    /** The clock commands run on: the wall clock, standing at --as-of when given. */
    Clock clock(Clock wall) {
        return asOf == null ? wall : Station.standingAt(wall, asOf.instant());
    }

    Station.Setup setup(Clock wall, Map<String, String> env, ApduTrace trace, Consumer<String> announce) {
        CardProfile card = null;
        if (reader != null && reader.virtual != null) {
            try {
                card = CardProfiles.resolve(reader.virtual);
            } catch (ProfileException e) {
                throw CliException.badInput("--virtual: カードプロファイルを読み込めません。" + e.getMessage());
            }
        }
        ReaderProfile quirks = null;
        if (readerProfile != null) {
            if (card == null) {
                throw CliException.badInput("--reader-profile: 仮想カードリーダー（--virtual）と一緒に指定してください。");
            }
            try {
                quirks = ReaderProfiles.resolve(readerProfile);
            } catch (ProfileException e) {
                throw CliException.badInput("--reader-profile: カードリーダープロファイルを読み込めません。" + e.getMessage());
            }
        }
        String url = service != null ? service : env.get("MYNADESK_SERVICE");
        String desk = terminal != null ? terminal : env.getOrDefault("MYNADESK_TERMINAL", Station.DEFAULT_TERMINAL);
        if (!desk.matches("[A-Za-z0-9_-]{1,32}")) {
            throw CliException.badInput("--terminal: 端末名は英数字・-・_ で32文字までにしてください。");
        }
        if (institution != null && !institution.matches("\\d{10}")) {
            throw CliException.badInput("--institution: 医療機関コードは数字10桁です。");
        }
        return new Station.Setup(card, reader == null ? null : reader.pcsc, false, url == null ? null : serviceUri(url),
                null, data.directory(env), data.busyTimeout(), clock(wall), institution, desk, trace, announce, quirks,
                data.database(env));
    }

    Station open(Clock wall, Map<String, String> env, ApduTrace trace, Consumer<String> announce) {
        return open(setup(wall, env, trace, announce));
    }

    static Station open(Station.Setup setup) {
        RunLog.open(setup.data());
        try {
            return Station.open(setup);
        } catch (ReaderException e) {
            String which = setup.pcscReader() == null ? "" : "（--reader \"" + setup.pcscReader()
                    + "\" に合うカードリーダーが1台に決まりません。mynadesk reader list で名前を確かめてください）";
            throw CliException.unavailable("カードリーダーを使えません: " + e.problem().message() + e.problem().nextStep() + which);
        } catch (StoreException e) {
            throw DataOptions.failure(e);
        } catch (IOException e) {
            throw CliException.unavailable("模擬オンライン資格確認サービスを起動できません: " + e.getMessage());
        }
    }

    private static URI serviceUri(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not http");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliException.badInput("--service: http:// または https:// で始まる URL を指定してください（例: http://127.0.0.1:8080/）。");
        }
    }
}
