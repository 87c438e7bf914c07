package jp.mynadesk.virtualcard.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/** 61xx / 6Cxx: produced by the T=0 card side, answered by the host unless that is switched off. */
class GetResponseTest {

    private static final byte[] SELECT_DATA = TestCard.hex("D392F000260100000001");

    private final VirtualTerminals terminals = new VirtualTerminals();
    private final WireLog wire = new WireLog();

    private CardChannel channel(TerminalOptions options, TestCard model) throws CardException {
        VirtualTerminal reader = terminals.plug("R", options);
        reader.setResponseTamperer(wire);
        reader.insert(model);
        return reader.connect("*").getBasicChannel();
    }

    private static TestCard fciCard(int fciLength, int sw) {
        return TestCard.answering(c -> TestCard.concat(TestCard.data(fciLength), TestCard.sw(sw)));
    }

    @Test
    void t0Case4IsAnsweredWith61AndCollectedTransparently() throws Exception {
        TestCard model = fciCard(20, 0x9000);
        CardChannel channel = channel(TerminalOptions.DEFAULT.withT0(true), model);

        ResponseAPDU r = channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, SELECT_DATA, 256));

        assertEquals(0x9000, r.getSW());
        assertArrayEquals(TestCard.data(20), r.getData());
        // Le was stripped under T=0, and the GET RESPONSE never reached the model.
        assertEquals(List.of("00A404000AD392F000260100000001"), model.commands);
        assertEquals(List.of("00A404000AD392F000260100000001 -> 6114", "00C0000014 -> ...9000"), wire.lines);
    }

    @Test
    void t0Case2WithWrongLeIsResentWithTheLengthFrom6C() throws Exception {
        CardChannel channel = channel(TerminalOptions.DEFAULT.withT0(true), fciCard(100, 0x9000));

        ResponseAPDU r = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 256));

        assertArrayEquals(TestCard.data(100), r.getData());
        assertEquals(List.of("00B0000000 -> 6C64", "00B0000064 -> ...9000"), wire.lines);
    }

    @Test
    void t0ResponsesLongerThan256AreChained() throws Exception {
        CardChannel channel = channel(TerminalOptions.DEFAULT.withT0(true), fciCard(600, 0x9000));

        ResponseAPDU r = channel.transmit(new CommandAPDU(0x80, 0x2A, 0x00, 0x80, new byte[] {1, 2}, 256));

        assertArrayEquals(TestCard.data(600), r.getData());
        assertEquals(List.of("802A0080020102 -> 6100", "80C0000000 -> ...6100",
                "80C0000000 -> ...6158", "80C0000058 -> ...9000"), wire.lines);
    }

    @Test
    void t0KeepsAWarningStatusBehindTheData() throws Exception {
        CardChannel channel = channel(TerminalOptions.DEFAULT.withT0(true), fciCard(8, 0x6282));

        ResponseAPDU r = channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, SELECT_DATA));

        assertEquals(0x6282, r.getSW());
        assertArrayEquals(TestCard.data(8), r.getData());
    }

    @Test
    void t0WithHostHandlingOffShowsTheProcedureBytesRaw() throws Exception {
        TerminalOptions raw = new TerminalOptions(true, false);
        CardChannel channel = channel(raw, fciCard(20, 0x9000));

        ResponseAPDU first = channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, SELECT_DATA, 256));
        assertEquals(0x6114, first.getSW());

        ResponseAPDU data = channel.transmit(new CommandAPDU(0x00, 0xC0, 0x00, 0x00, 0x14));
        assertEquals(0x9000, data.getSW());
        assertArrayEquals(TestCard.data(20), data.getData());

        ResponseAPDU wrongLe = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 5));
        assertEquals(0x6C14, wrongLe.getSW());
    }

    @Test
    void t0RejectsExtendedLengthBeforeTheCardSeesIt() throws Exception {
        VirtualTerminal reader = terminals.plug("R", TerminalOptions.DEFAULT.withT0(true));
        reader.insert(TestCard.echo());
        CardChannel channel = reader.connect("T=0").getBasicChannel();

        CardException e = assertThrows(CardException.class,
                () -> channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 1000)));
        assertEquals("Extended length forms not supported for T=0", e.getMessage());
        assertEquals(0, reader.transmitCount());
    }

    @Test
    void t1CardThatAnswers61GetsGetResponseWithTheSameCla() throws Exception {
        TestCard model = TestCard.answering(c -> c[1] == (byte) 0xC0
                ? TestCard.concat(TestCard.hex("0A0B0C0D0E"), TestCard.sw(0x9000))
                : TestCard.concat(TestCard.hex("01020304"), TestCard.sw(0x6105)));
        CardChannel channel = channel(TerminalOptions.DEFAULT, model);

        ResponseAPDU r = channel.transmit(new CommandAPDU(0x80, 0xCA, 0x01, 0x02, 256));

        assertArrayEquals(TestCard.hex("010203040A0B0C0D0E"), r.getData());
        assertEquals(List.of("80CA010200", "80C0000005"), model.commands);
    }

    @Test
    void t1CardThatAnswers6CIsResentWithTheRightLe() throws Exception {
        TestCard model = TestCard.answering(c -> c[4] == 0x07
                ? TestCard.concat(TestCard.data(7), TestCard.sw(0x9000))
                : TestCard.sw(0x6C07));
        CardChannel channel = channel(TerminalOptions.DEFAULT, model);

        ResponseAPDU r = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 256));

        assertArrayEquals(TestCard.data(7), r.getData());
        assertEquals(List.of("00B0000000", "00B0000007"), model.commands);
    }

    @Test
    void t1WithHostHandlingOffShows61Raw() throws Exception {
        TestCard model = TestCard.answering(c -> TestCard.concat(TestCard.hex("0102"), TestCard.sw(0x6105)));
        CardChannel channel = channel(TerminalOptions.DEFAULT.withHostGetResponse(false), model);

        ResponseAPDU r = channel.transmit(new CommandAPDU(0x00, 0xCA, 0x01, 0x02, 256));

        assertEquals(0x6105, r.getSW());
        assertArrayEquals(TestCard.hex("0102"), r.getData());
        assertEquals(1, model.commands.size());
    }

    @Test
    void endless61StopsAfter256Rounds() throws Exception {
        VirtualTerminal reader = terminals.plug("R");
        reader.insert(TestCard.answering(c -> TestCard.sw(0x6101)));
        CardChannel channel = reader.connect("*").getBasicChannel();

        CardException e = assertThrows(CardException.class,
                () -> channel.transmit(new CommandAPDU(0x00, 0xCA, 0x01, 0x02, 256)));
        assertEquals("Could not obtain response", e.getMessage());
        assertEquals(256, reader.transmitCount());
    }
}
