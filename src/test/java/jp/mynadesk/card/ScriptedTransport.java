package jp.mynadesk.card;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/** A transport that answers from a queue of canned responses and records what it was sent. */
final class ScriptedTransport implements CardTransport {
    private final Deque<Supplier<ResponseApdu>> answers = new ArrayDeque<>();
    final List<String> sent = new ArrayList<>();

    ScriptedTransport answer(String hex) {
        answers.add(() -> ResponseApdu.parse(HexFormat.of().parseHex(hex)));
        return this;
    }

    ScriptedTransport fail(RuntimeException e) {
        answers.add(() -> {
            throw e;
        });
        return this;
    }

    @Override
    public ResponseApdu transmit(byte[] command) {
        sent.add(HexFormat.of().withUpperCase().formatHex(command));
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected command " + sent.get(sent.size() - 1));
        }
        return answers.poll().get();
    }
}
