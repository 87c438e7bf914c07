package jp.mynadesk.virtualcard.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualCardTest {

    private static final CommandAPDU READ = new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 4);

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final VirtualTerminals terminals = new VirtualTerminals();
    private final VirtualTerminal reader = terminals.plug("Virtual Reader 0");

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private CardChannel connectedChannel(TestCard model) throws CardException {
        reader.insert(model);
        return reader.connect("*").getBasicChannel();
    }

    @Test
    void firstCallAfterRemovalIsCardExceptionThenIllegalState() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        reader.remove();

        CardException first = assertThrows(CardException.class, () -> channel.transmit(READ));
        assertEquals("SCARD_W_REMOVED_CARD", Causes.pcscCause(first));
        IllegalStateException later = assertThrows(IllegalStateException.class, () -> channel.transmit(READ));
        assertEquals("Card has been removed", later.getMessage());
        assertThrows(IllegalStateException.class, () -> channel.getCard().getBasicChannel());
        assertThrows(IllegalStateException.class, () -> channel.getCard().beginExclusive());
    }

    @Test
    void removalFromAnotherThreadDuringUseIsSeenOnTheNextCall() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        assertEquals(0x9000, channel.transmit(READ).getSW());

        pool.submit(reader::remove).get(10, TimeUnit.SECONDS);

        CardException e = assertThrows(CardException.class, () -> channel.transmit(READ));
        assertEquals("SCARD_W_REMOVED_CARD", Causes.scardName(e).orElseThrow());
    }

    @Test
    void cardPulledWhileTheResponseIsInFlightLosesTheResponse() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        reader.setResponseTamperer((command, response) -> {
            reader.remove();
            return response;
        });

        CardException e = assertThrows(CardException.class, () -> channel.transmit(READ));
        assertEquals("SCARD_W_REMOVED_CARD", Causes.pcscCause(e));
    }

    @Test
    void aNewCardInTheSlotDoesNotReviveTheOldConnection() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        reader.remove();
        reader.insert(TestCard.echo());

        assertThrows(CardException.class, () -> channel.transmit(READ));
        Card fresh = reader.connect("*");
        assertNotSame(channel.getCard(), fresh);
        assertEquals(0x9000, fresh.getBasicChannel().transmit(READ).getSW());
    }

    @Test
    void callsAfterDisconnectAreIllegalState() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        Card card = channel.getCard();
        card.disconnect(false);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> channel.transmit(READ));
        assertEquals("Card has been disconnected", e.getMessage());
        assertThrows(IllegalStateException.class, card::getBasicChannel);
        assertDoesNotThrow(() -> card.disconnect(true)); // a second disconnect is a no-op
    }

    @Test
    void disconnectTrueWarmResetsAndFalseLeavesThePowerOn() throws Exception {
        TestCard model = TestCard.echo();
        reader.insert(model);

        reader.connect("*").disconnect(false);
        assertEquals(0, model.resets.get());
        assertEquals(0, model.powerOffs.get());

        reader.connect("*").disconnect(true);
        assertEquals(1, model.resets.get());
        assertEquals(1, model.powerOns.get());
    }

    @Test
    void resetByAnotherApplicationFailsEveryCallUntilReconnect() throws Exception {
        TestCard model = TestCard.echo();
        CardChannel channel = connectedChannel(model);
        Card stale = channel.getCard();

        assertTrue(reader.resetCard());

        for (int i = 0; i < 2; i++) {
            CardException e = assertThrows(CardException.class, () -> channel.transmit(READ));
            assertEquals("SCARD_W_RESET_CARD", Causes.pcscCause(e));
        }
        assertEquals(1, model.resets.get());
        Card fresh = reader.connect("*");
        assertNotSame(stale, fresh);
        assertEquals(0x9000, fresh.getBasicChannel().transmit(READ).getSW());
        assertDoesNotThrow(() -> stale.disconnect(false));
    }

    @Test
    void disconnectWithResetMakesOtherHandlesSeeAReset() throws Exception {
        reader.insert(TestCard.echo());
        Card mine = reader.connect("*");
        Card other = reader.connectSeparately("*");

        other.disconnect(true);

        CardException e = assertThrows(CardException.class, () -> mine.getBasicChannel().transmit(READ));
        assertEquals("SCARD_W_RESET_CARD", Causes.pcscCause(e));
    }

    @Test
    void exclusiveAccessIsBoundToTheCallingThread() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        Card card = channel.getCard();
        card.beginExclusive();

        ExecutionException transmit = assertThrows(ExecutionException.class,
                () -> pool.submit(() -> channel.transmit(READ)).get(10, TimeUnit.SECONDS));
        assertTrue(transmit.getCause() instanceof CardException);
        assertEquals("Exclusive access established by another Thread", transmit.getCause().getMessage());

        ExecutionException disconnect = assertThrows(ExecutionException.class,
                () -> pool.submit(() -> {
                    card.disconnect(false);
                    return null;
                }).get(10, TimeUnit.SECONDS));
        assertEquals("Exclusive access established by another Thread", disconnect.getCause().getMessage());

        ExecutionException end = assertThrows(ExecutionException.class,
                () -> pool.submit(() -> {
                    card.endExclusive();
                    return null;
                }).get(10, TimeUnit.SECONDS));
        assertTrue(end.getCause() instanceof IllegalStateException);

        assertEquals(0x9000, channel.transmit(READ).getSW());
        CardException twice = assertThrows(CardException.class, card::beginExclusive);
        assertTrue(twice.getMessage().startsWith("Exclusive access has already been assigned"));
        card.endExclusive();
        assertEquals(0x9000, pool.submit(() -> channel.transmit(READ)).get(10, TimeUnit.SECONDS).getSW());
    }

    @Test
    void exclusiveAccessHeldByAnotherConnectionIsASharingViolation() throws Exception {
        reader.insert(TestCard.echo());
        Card holder = reader.connect("*");
        Card other = reader.connectSeparately("*");
        holder.beginExclusive();

        CardException begin = assertThrows(CardException.class, other::beginExclusive);
        assertEquals("SCARD_E_SHARING_VIOLATION", Causes.pcscCause(begin));
        CardException transmit = assertThrows(CardException.class, () -> other.getBasicChannel().transmit(READ));
        assertEquals("SCARD_E_SHARING_VIOLATION", Causes.pcscCause(transmit));

        holder.endExclusive();
        other.beginExclusive();
        assertEquals(0x9000, other.getBasicChannel().transmit(READ).getSW());
        other.endExclusive();
    }

    @Test
    void exclusiveAccessAcrossThreadsSerialisesTransactions() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        Card card = channel.getCard();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<Integer> owner = pool.submit(() -> {
            card.beginExclusive();
            held.countDown();
            release.await();
            int sw = channel.transmit(READ).getSW();
            card.endExclusive();
            return sw;
        });
        held.await();
        assertThrows(CardException.class, () -> channel.transmit(READ));
        release.countDown();

        assertEquals(0x9000, owner.get(10, TimeUnit.SECONDS));
        assertEquals(0x9000, channel.transmit(READ).getSW());
    }

    @Test
    void controlCommandsAndLogicalChannelsAreNotSupported() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        Card card = channel.getCard();

        CardException control = assertThrows(CardException.class,
                () -> card.transmitControlCommand(0x42000000 + 3400, new byte[0]));
        assertEquals("SCARD_E_UNSUPPORTED_FEATURE", Causes.pcscCause(control));
        assertThrows(CardException.class, card::openLogicalChannel);
    }

    @Test
    void basicChannelCannotBeClosed() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        assertEquals(0, channel.getChannelNumber());
        IllegalStateException e = assertThrows(IllegalStateException.class, channel::close);
        assertEquals("Cannot close basic logical channel", e.getMessage());
    }

    @Test
    void manageChannelIsRejected() throws Exception {
        TestCard model = TestCard.echo();
        CardChannel channel = connectedChannel(model);

        assertThrows(IllegalArgumentException.class, () -> channel.transmit(new CommandAPDU(0x00, 0x70, 0x00, 0x00, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> channel.transmit(ByteBuffer.wrap(TestCard.hex("00700000")), ByteBuffer.allocate(300)));
        assertEquals(List.of(), model.commands);
    }

    @Test
    void byteBufferTransmitNeeds258BytesOfRoom() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());

        assertThrows(IllegalArgumentException.class,
                () -> channel.transmit(ByteBuffer.wrap(READ.getBytes()), ByteBuffer.allocate(257)));

        ByteBuffer response = ByteBuffer.allocate(258);
        int n = channel.transmit(ByteBuffer.wrap(READ.getBytes()), response);
        assertEquals(7, n);
        assertArrayEquals(TestCard.hex("00B00000049000"), java.util.Arrays.copyOf(response.array(), n));
    }

    @Test
    void interindustryClaHasItsChannelBitsCleared() throws Exception {
        TestCard model = TestCard.echo();
        CardChannel channel = connectedChannel(model);

        channel.transmit(new CommandAPDU(0x01, 0xB0, 0, 0, 1));
        channel.transmit(new CommandAPDU(0x0C, 0xB0, 0, 0, 1));
        channel.transmit(new CommandAPDU(0x80, 0xB0, 0, 0, 1));

        assertEquals(List.of("00B0000001", "0CB0000001", "80B0000001"), model.commands);
    }

    @Test
    void responsesAbove8192BytesFail() throws Exception {
        CardChannel channel = connectedChannel(TestCard.withData(8190));
        assertEquals(8190, channel.transmit(new CommandAPDU(0, 0xB0, 0, 0, 65536)).getData().length);

        reader.remove();
        reader.insert(TestCard.withData(8191));
        CardChannel big = reader.connect("*").getBasicChannel();
        CardException e = assertThrows(CardException.class, () -> big.transmit(new CommandAPDU(0, 0xB0, 0, 0, 65536)));
        assertEquals("SCARD_E_INSUFFICIENT_BUFFER", Causes.pcscCause(e));
    }

    @Test
    void tampererRewritesResponsesAndCanInjectPcscErrors() throws Exception {
        CardChannel channel = connectedChannel(TestCard.selectOnly());
        reader.setResponseTamperer((command, response) -> TestCard.sw(0x6A82));
        assertEquals(0x6A82, channel.transmit(new CommandAPDU(0, 0xA4, 4, 0x0C, new byte[] {1})).getSW());

        reader.setResponseTamperer((command, response) -> {
            throw new PcscStatus(PcscStatus.Code.SCARD_E_NOT_TRANSACTED);
        });
        CardException e = assertThrows(CardException.class, () -> channel.transmit(READ));
        assertEquals("SCARD_E_NOT_TRANSACTED", Causes.pcscCause(e));

        reader.setResponseTamperer(null);
        assertEquals(0x9000, channel.transmit(new CommandAPDU(0, 0xA4, 4, 0x0C, new byte[] {1})).getSW());
    }

    @Test
    void transmitCountCountsCommandsThatReachTheCard() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        channel.transmit(READ);
        channel.transmit(READ);
        assertEquals(2, reader.transmitCount());
    }

    @Test
    void getAtrStillWorksAfterRemoval() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        Card card = channel.getCard();
        reader.remove();
        assertArrayEquals(TestCard.ATR, card.getATR().getBytes());
        assertSame(card, channel.getCard());
    }

    @Test
    void echoRoundTripKeepsTheCommandBytes() throws Exception {
        CardChannel channel = connectedChannel(TestCard.echo());
        ResponseAPDU r = channel.transmit(new CommandAPDU(0x00, 0x2A, 0x00, 0x80, new byte[] {9, 8, 7}, 256));
        assertArrayEquals(TestCard.hex("002A00800309080700"), r.getData());
    }
}
