package jp.mynadesk.virtualcard.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import jp.mynadesk.virtualcard.EmulatedCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CardServerTest {

    private final Map<String, TestCard> cards = Map.of("alpha", new TestCard("alpha"), "beta", new TestCard("beta"));
    private final Function<String, EmulatedCard> profiles = name -> {
        TestCard card = cards.get(name);
        if (card == null) {
            throw new IllegalArgumentException("no such profile: " + name);
        }
        return card;
    };
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private FakeVpcd vpcd;
    private PipedWriter console;
    private CompletableFuture<Integer> server;

    @BeforeEach
    void setUp() throws Exception {
        vpcd = new FakeVpcd();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.close();
        }
        if (server != null) {
            server.get(5, TimeUnit.SECONDS);
        }
        vpcd.close();
    }

    @Test
    void servesRemovesInsertsAndSwitchesProfiles() throws Exception {
        start("alpha");
        assertTrue(vpcd.accept(2000), "the initial profile is inserted at start");
        assertEquals("alpha", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));
        vpcd.send((byte) 0x01);
        vpcd.getAtr();

        type("status");
        awaitOutput("profile=alpha card=inserted vpcd=connected (" + vpcd.address() + ") power=on apdus=1");

        type("remove");
        awaitOutput("カードを抜きました。");
        assertTrue(vpcd.clientClosed(2000));
        awaitOutput("vpcd: 電源が切れました");
        awaitOutput("vpcd: 接続が切れました（カードを抜いたため）。");
        type("remove");
        awaitOutput("リーダーにカードはありません。");
        type("status");
        awaitOutput("card=removed vpcd=disconnected");

        type("insert");
        awaitOutput("カードを差しました（プロファイル alpha）。");
        assertTrue(vpcd.accept(2000));
        assertEquals("alpha", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));
        type("insert");
        awaitOutput("カードはもう差してあります。");

        type("profile beta");
        awaitOutput("プロファイル beta のカードに替えて差しました。");
        assertTrue(vpcd.clientClosed(2000));
        assertTrue(vpcd.accept(2000));
        assertEquals("beta", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));

        type("profile nosuch");
        awaitOutput("プロファイル nosuch を読み込めません: no such profile: nosuch");
        type("profile");
        awaitOutput("使い方: profile NAME（今のプロファイル: beta）");

        type("quit");
        assertEquals(0, server.get(5, TimeUnit.SECONDS));
        assertTrue(vpcd.clientClosed(2000), "quitting takes the card out");
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("仮想カードを止めました。"));
    }

    @Test
    void unknownCommandListsTheValidOnes() throws Exception {
        start("alpha");
        type("eject");
        awaitOutput("「eject」というコマンドはありません。使えるコマンド: " + CardServer.COMMANDS);
        type("");
        type("quit");
        assertEquals(0, server.get(5, TimeUnit.SECONDS));
    }

    @Test
    void endOfInputStopsTheServer() {
        CardServer cardServer = new CardServer(profiles, "alpha", vpcd.address());
        assertEquals(0, cardServer.run(new StringReader("status\n"), out));
        String text = output.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("仮想カード（プロファイル alpha）を vpcd " + vpcd.address() + " のリーダーに差しました。"), text);
        assertTrue(text.contains("仮想カードを止めました。"), text);
    }

    @Test
    void anUnknownInitialProfileFailsBeforeAnythingStarts() throws Exception {
        CardServer cardServer = new CardServer(profiles, "nosuch", vpcd.address());
        assertThrows(IllegalArgumentException.class, () -> cardServer.run(new StringReader(""), out));
        assertFalse(vpcd.accept(300));
    }

    private void start(String profile) throws Exception {
        console = new PipedWriter();
        PipedReader reader = new PipedReader(console);
        CardServer cardServer = new CardServer(profiles, profile, vpcd.address());
        server = CompletableFuture.supplyAsync(() -> cardServer.run(reader, out));
    }

    private void type(String line) throws Exception {
        console.write(line + "\n");
        console.flush();
    }

    private void awaitOutput(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!output.toString(StandardCharsets.UTF_8).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected output containing '" + expected + "', got:\n"
                        + output.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(10);
        }
    }
}
