package jp.mynadesk.virtualcard.vpcd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import jp.mynadesk.virtualcard.EmulatedCard;

/**
 * The console behind {@code mynadesk card serve}: presents an emulated card in pcscd's vpcd reader and lets
 * a person (or a script) pull it out, put it back and swap it through one-word commands on standard input.
 *
 * <p>Re-inserting puts the <em>same</em> card object back, as a person would put the same plastic card back:
 * its non-volatile state (PIN retry counters, blocked PINs) survives. {@code profile NAME} takes a fresh card
 * from the profile function.
 */
public final class CardServer {

    /** The commands are English words (as in the help); what the server says is Japanese. */
    static final String COMMANDS = "remove（抜く）, insert（差す）, profile NAME（カードを替える）, status（状態）, quit（終了）";

    private final Function<String, EmulatedCard> profiles;
    private final VpcdAddress address;
    private final String initialProfile;

    private String profile;
    private EmulatedCard card;

    /**
     * @param profiles       card for a profile name (or file); throws IllegalArgumentException for an unknown one
     * @param initialProfile the profile inserted at start
     * @param address        where vpcd listens
     */
    public CardServer(Function<String, EmulatedCard> profiles, String initialProfile, VpcdAddress address) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.initialProfile = Objects.requireNonNull(initialProfile, "initialProfile");
        this.address = Objects.requireNonNull(address, "address");
    }

    /**
     * Serves until {@code quit} or end of input, then takes the card out and returns 0.
     *
     * @throws IllegalArgumentException when the initial profile cannot be loaded (nothing was started)
     */
    public int run(Reader commands, PrintStream out) {
        card = Objects.requireNonNull(profiles.apply(initialProfile), "profile function returned null");
        profile = initialProfile;
        try (VpcdBridge bridge = new VpcdBridge(address, event -> narrate(event, out)).start()) {
            bridge.insert(card);
            out.println("仮想カード（プロファイル " + profile + "）を vpcd " + address + " のリーダーに差しました。");
            out.println("コマンド: " + COMMANDS);
            BufferedReader in = new BufferedReader(commands);
            String line;
            while ((line = in.readLine()) != null) {
                if (!execute(line.strip(), bridge, out)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading commands failed", e);
        }
        out.println("仮想カードを止めました。");
        return 0;
    }

    /** Returns false when the server should stop. */
    private boolean execute(String line, VpcdBridge bridge, PrintStream out) {
        if (line.isEmpty()) {
            return true;
        }
        String[] words = line.split("\\s+", 2);
        String verb = words[0].toLowerCase(Locale.ROOT);
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (verb) {
            case "remove" -> {
                if (bridge.card().isEmpty()) {
                    out.println("リーダーにカードはありません。");
                } else {
                    bridge.remove();
                    out.println("カードを抜きました。");
                }
            }
            case "insert" -> {
                if (bridge.card().isPresent()) {
                    out.println("カードはもう差してあります。先に remove で抜くか、profile NAME で替えてください。");
                } else {
                    bridge.insert(card);
                    out.println("カードを差しました（プロファイル " + profile + "）。");
                }
            }
            case "profile" -> switchProfile(argument, bridge, out);
            case "status" -> out.println(status(bridge));
            case "quit", "exit" -> {
                return false;
            }
            default -> out.println("「" + line + "」というコマンドはありません。使えるコマンド: " + COMMANDS);
        }
        return true;
    }

    private void switchProfile(String name, VpcdBridge bridge, PrintStream out) {
        if (name.isEmpty()) {
            out.println("使い方: profile NAME（今のプロファイル: " + profile + "）");
            return;
        }
        EmulatedCard next;
        try {
            next = Objects.requireNonNull(profiles.apply(name), "profile function returned null");
        } catch (RuntimeException e) {
            out.println("プロファイル " + name + " を読み込めません: " + e.getMessage());
            return;
        }
        card = next;
        profile = name;
        bridge.switchCard(next);
        out.println("プロファイル " + name + " のカードに替えて差しました。");
    }

    private String status(VpcdBridge bridge) {
        return "profile=" + profile
                + " card=" + (bridge.card().isPresent() ? "inserted" : "removed")
                + " vpcd=" + (bridge.isConnected() ? "connected" : "disconnected") + " (" + address + ")"
                + " power=" + (bridge.isPowered() ? "on" : "off")
                + " apdus=" + bridge.apduCount();
    }

    private static void narrate(VpcdEvent event, PrintStream out) {
        // Apdu events are left out: thousands per second; 'status' shows the count instead.
        if (event instanceof VpcdEvent.Connected c) {
            out.println("vpcd: " + c.host() + ":" + c.port() + " に接続しました。pcscd からカードが見えます。");
        } else if (event instanceof VpcdEvent.ConnectFailed f) {
            out.println("vpcd: " + f.host() + ":" + f.port() + " に接続できません（" + f.reason() + "、" + f.attempt()
                    + " 回目）。再試行を続けます。pcscd と vpcd が動いているか、--vpcd の指定を確かめてください。");
        } else if (event instanceof VpcdEvent.Disconnected d) {
            out.println("vpcd: 接続が切れました（" + switch (d.cause()) {
                case CARD_REMOVED -> "カードを抜いたため";
                case VPCD_CLOSED -> "vpcd が接続を閉じました。pcscd が止まったか再起動した";
                case CONNECTION_LOST -> "接続が失われました: " + d.detail();
            } + "）。");
        } else if (event instanceof VpcdEvent.PoweredOn) {
            out.println("vpcd: 電源が入りました");
        } else if (event instanceof VpcdEvent.PoweredOff) {
            out.println("vpcd: 電源が切れました");
        } else if (event instanceof VpcdEvent.Reset) {
            out.println("vpcd: リセットされました");
        }
    }
}
