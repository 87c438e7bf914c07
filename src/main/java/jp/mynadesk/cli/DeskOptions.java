package jp.mynadesk.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.settings.ServiceChoice;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.SettingsException;
import jp.mynadesk.settings.TrustAnchorFiles;
import jp.mynadesk.station.NoTrustAnchors;
import jp.mynadesk.station.Station;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.ProfileException;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The sources a desk command runs against (check, desk, recheck, settings show): reader, service, record, trust
 * anchors, clock; each option is the top of its setting (docs/CLINIC.md, "Settings"): option, else environment,
 * else the settings file, else the default.
 *
 * <p>The mode follows (docs/CLINIC.md): a virtual card or {@code --service mock} is a simulation; the mock is the
 * default service only with a virtual card, else the default is none. A PC/SC reader (named, or the settings file's
 * desk) trusts only the configured anchors and does not start without them.
 */
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

    @Option(names = "--service", paramLabel = "none|mock|URL",
            description = "オンライン資格確認サービス: none（なし）、mock（このプロセス内の模擬サービス）、または URL（既定: $MYNADESK_SERVICE、"
                    + "設定ファイルの service、なければ仮想カードでは mock、それ以外は none）")
    String service;

    @Option(names = "--trust-anchor", paramLabel = "FILE",
            description = "カードの電子証明書の発行元として信頼するCA証明書（PEM か DER、J-LIS の利用者証明用認証局のもの）。"
                    + "繰り返し指定できます（既定: $MYNADESK_TRUST_ANCHORS、設定ファイルの trustAnchors）")
    List<String> trustAnchors;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--as-of", paramLabel = "DATETIME", converter = AsOf.Converter.class,
            description = "この日時として動きます（2026-12-01 は その日の9時）。既定: 今")
    AsOf asOf;

    @Option(names = "--terminal", paramLabel = "ID",
            description = "この受付端末の名前（既定: $MYNADESK_TERMINAL、設定ファイルの terminal、なければ DESK-01）")
    String terminal;

    @Option(names = "--institution", paramLabel = "CODE",
            description = "医療機関コード10桁（既定: $MYNADESK_INSTITUTION、設定ファイルの institution、なければ 1311111111）")
    String institution;

    private Settings settings;

    /** The virtual card's profile as given (for a trace's header), or null. */
    String virtualProfileName() {
        return reader == null ? null : reader.virtual;
    }

    /** The clock commands run on: the wall clock, standing at --as-of when given. */
    Clock clock(Clock wall) {
        return asOf == null ? wall : Station.standingAt(wall, asOf.instant());
    }

    /** The settings in force with this command line's values on top (read once per command). */
    Settings settings(Map<String, String> env) {
        if (settings == null) {
            settings = DataOptions.resolve(new Settings.Given(data.config, institution, terminal,
                    reader == null ? null : reader.pcsc, trustAnchors, service, data.data, data.db, null), env);
        }
        return settings;
    }

    /** The service in force: the setting, else the mock with a virtual card and none otherwise. */
    static ServiceChoice service(Settings settings, boolean virtualCard) {
        ServiceChoice chosen = settings.service().value();
        return chosen != null ? chosen : virtualCard ? ServiceChoice.MOCK : ServiceChoice.NONE;
    }

    /**
     * The desk's sources.
     *
     * @param cardDesk the command checks a card unless told otherwise: a configured desk (a settings file was read, or a
     *                 reader is set) uses its PC/SC reader; false for the commands that only read the record or the
     *                 service (recheck) and for a documents-only check
     */
    Station.Setup setup(Clock wall, Map<String, String> env, ApduTrace trace, Consumer<String> announce, boolean cardDesk) {
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
        Settings s = settings(env);
        boolean explicitReader = reader != null && reader.pcsc != null;
        boolean pcsc = card == null && (explicitReader || (cardDesk && (s.reader().isSet() || s.fileRead())));
        ServiceChoice chosen = service(s, card != null);
        TrustAnchors anchors;
        try {
            anchors = TrustAnchorFiles.load(s.trustAnchors());
        } catch (SettingsException e) {
            throw CliException.badInput(e.getMessage());
        }
        return new Station.Setup(card, pcsc ? s.reader().value() : null, pcsc, chosen.url(), null,
                data.directory(s, env), data.busyTimeout(), clock(wall), s.institution().value(), s.terminal().value(),
                trace, announce, quirks, data.database(s, env), chosen.kind() == ServiceChoice.Kind.NONE, anchors,
                s.visualStaff().value());
    }

    Station open(Clock wall, Map<String, String> env, ApduTrace trace, Consumer<String> announce, boolean cardDesk) {
        return open(setup(wall, env, trace, announce, cardDesk));
    }

    static Station open(Station.Setup setup) {
        RunLog.open(setup.data());
        try {
            return Station.open(setup);
        } catch (ReaderException e) {
            String which = setup.pcscReader() == null ? "" : "（--reader \"" + setup.pcscReader()
                    + "\" に合うカードリーダーが1台に決まりません。mynadesk reader list で名前を確かめてください）";
            throw CliException.unavailable("カードリーダーを使えません: " + jp.mynadesk.desk.StaffText.messageAndNext(e.problem()) + which);
        } catch (NoTrustAnchors e) {
            throw CliException.unavailable(e.getMessage());
        } catch (StoreException e) {
            throw DataOptions.failure(e);
        } catch (IOException e) {
            throw CliException.unavailable("模擬オンライン資格確認サービスを起動できません: " + e.getMessage());
        }
    }

}
