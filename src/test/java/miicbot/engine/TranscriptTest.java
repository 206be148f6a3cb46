package miicbot.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import miicbot.Transcripts;
import miicbot.i18n.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden transcripts: the whole chat, text and buttons, kept in files under {@code transcripts/}. A line
 * {@code > text} is something the parent typed, {@code > [label]} a button tapped; every other line is what the
 * bot said ({@code [copy label: text]} a copy button under the copy-ready block). Each chat runs from /start to
 * "clear this chat". The test replays the parent's lines through the engine, compares the whole chat with the file, and
 * counts the inputs from after {@code /start} up to each form, against the targets in docs/ARCHITECTURE.md.
 * Run with {@code -Dtranscripts.update=true} to rewrite the files after a deliberate change of wording.
 */
class TranscriptTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en-opt-out-then-same-request.txt, en, 10, 6",
            "en-lock-then-different-request.txt, en, 12, 8",
            "es-opt-out-then-same-request.txt, es, 10, 6",
            "es-lock-then-different-request.txt, es, 12, 8"})
    void theWholeChatMatchesItsFileAndMeetsTheInputTargets(String file, String language, int firstTarget,
                                                           int siblingTarget) throws IOException {
        String expected = Transcripts.read(file);
        Replay replay = new Replay(Language.fromTag(language));
        for (String line : expected.split("\n")) {
            if (line.startsWith("> ")) {
                replay.input(line.substring(2));
            }
        }
        String actual = replay.chat.toString();
        if (Boolean.getBoolean("transcripts.update")) {
            Files.writeString(Path.of("src/test/resources/transcripts", file), actual);
        }
        assertEquals(expected, actual, "the chat differs from " + file);
        Replay typed = new Replay(Language.fromTag(language));
        typed.typeLabels = true;
        for (String line : expected.split("\n")) {
            if (line.startsWith("> ")) {
                typed.input(line.substring(2));
            }
        }
        assertEquals(actual, typed.chat.toString(), "every button also works typed (its label)");
        assertEquals(2, replay.inputsPerForm.size(), "two forms were made");
        assertTrue(actual.contains("\n    [copy "), "a copy-ready block with copy buttons");
        assertTrue(actual.contains("MIIC Public Inquiry Form"), "the copy-ready block names the online form");
        assertTrue(actual.endsWith("(the adapter deletes the chat's messages; the conversation is erased)\n"),
                "it ends by clearing the chat");
        System.out.println(file + ": inputs per form " + replay.inputsPerForm);
        assertTrue(replay.inputsPerForm.get(0) <= firstTarget, "first child: " + replay.inputsPerForm);
        assertTrue(replay.inputsPerForm.get(1) <= siblingTarget, "sibling: " + replay.inputsPerForm);
    }

    /** Drives a {@link Dialog} from the parent's lines and writes the chat as the file has it. */
    private static final class Replay {
        final Dialog dialog;
        final StringBuilder chat = new StringBuilder();
        final List<Integer> inputsPerForm = new ArrayList<>();
        int inputs;
        boolean counting;
        boolean typeLabels;

        Replay(Language language) {
            dialog = new Dialog(language);
        }

        void input(String line) {
            chat.append("> ").append(line).append('\n');
            if (line.startsWith("[") && line.endsWith("]")) {
                String label = line.substring(1, line.length() - 1);
                Reply.Option option = dialog.question().options().stream().filter(o -> o.label().equals(label))
                        .findFirst().orElseThrow(() -> new AssertionError("no button [" + label + "] on: "
                                + dialog.question().text()));
                dialog.send(typeLabels ? new Event.Text(option.label())
                        : new Event.Tap(dialog.question().ask(), option.code()));
            } else {
                dialog.type(line);
            }
            if (counting) {
                inputs++;
            }
            if (line.equals("/start")) {
                counting = true;
            }
            for (Reply reply : dialog.last().replies()) {
                write(reply);
            }
        }

        private void write(Reply reply) {
            if (reply instanceof Reply.Say say) {
                chat.append(say.text()).append('\n');
            } else if (reply instanceof Reply.Ask ask) {
                chat.append(ask.text()).append('\n');
                for (List<Reply.Option> row : ask.rows()) {
                    chat.append("   ");
                    for (Reply.Option option : row) {
                        chat.append(" [").append(option.label()).append(']');
                    }
                    chat.append('\n');
                }
            } else if (reply instanceof Reply.Copyable copyable) {
                chat.append(copyable.text()).append('\n');
                for (Reply.Copy copy : copyable.copies()) {
                    chat.append("    [copy ").append(copy.label()).append(": ").append(copy.text()).append("]\n");
                }
            } else if (reply instanceof Reply.ClearChat) {
                chat.append("(the adapter deletes the chat's messages; the conversation is erased)\n");
            } else if (reply instanceof Reply.SendForm form) {
                chat.append("(PDF ").append(form.fileName()).append(")\n");
                inputsPerForm.add(inputs);
                inputs = 0;
            }
        }
    }
}
