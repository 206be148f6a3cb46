package miicbot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import miicbot.chat.ChatService;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.engine.Stage;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;

/**
 * The interview in a terminal: prints each reply, numbers the buttons, reads one answer per line (from a TTY or a
 * pipe) and writes each form into a folder. The same engine and store as the Telegram bot drive it.
 */
public final class ConsoleChat {
    /** The console is one chat; its id cannot clash with Telegram's, which are never 0. */
    public static final long CHAT_ID = 0;

    /** Renders a request to PDF bytes. */
    @FunctionalInterface
    public interface Renderer {
        byte[] render(ChildRequest request);
    }

    private final ChatService chats;
    private final Renderer renderer;
    private final Map<Language, Catalogue> catalogues;
    private final Path outDir;
    private final PrintStream out;
    private final List<Path> written = new ArrayList<>();
    private Reply.Ask lastQuestion;
    // The conversation as the last event left it: its language speaks the last line, its stage says what is kept.
    private Outcome last;
    // A form that could not be written: the run stops with it, the form stays queued for the next run.
    private IOException writeFailure;

    public ConsoleChat(ChatService chats, Renderer renderer, Map<Language, Catalogue> catalogues, Path outDir,
                       PrintStream out) {
        this.chats = chats;
        this.renderer = Objects.requireNonNull(renderer);
        this.catalogues = Map.copyOf(catalogues);
        this.outDir = outDir;
        this.out = out;
    }

    /** Runs until end of input in {@code language} for a new chat; returns the paths of the forms written. */
    public List<Path> run(BufferedReader in, Language language) throws IOException {
        return run(in, language, false);
    }

    /**
     * Runs until end of input; returns the paths of the forms written. Throws {@link IOException} when a form cannot
     * be written, rather than go on in silence with every later reply queued behind it. With {@code chosen} (the --lang option),
     * {@code language} wins over a finished conversation's, and one under way asks once whether to switch.
     */
    public List<Path> run(BufferedReader in, Language language, boolean chosen) throws IOException {
        send(language, new Event.Resume(chosen ? language : null)); // a form left from a failed run goes out first
        if (writeFailure != null) {
            throw writeFailure;
        }
        String line;
        while (true) {
            out.print("> ");
            out.flush();
            line = in.readLine();
            if (line == null) {
                break;
            }
            send(language, eventFor(line));
            if (writeFailure != null) {
                throw writeFailure;
            }
        }
        out.println();
        Catalogue catalogue = catalogues.get(last == null ? language : last.conversation().language());
        boolean underWay = last != null && !last.forget() && last.conversation().started()
                && last.conversation().stage() != Stage.DONE;
        out.println(catalogue.text("console.end", Map.of("count", written.size(), "dir", outDir)) + " "
                + catalogue.text(underWay ? "console.end.kept" : "console.end.nothing_kept"));
        return written;
    }

    /** A typed number picks that button of the last question; anything else is typed text or a command. */
    private Event eventFor(String line) {
        String trimmed = line.strip();
        if (lastQuestion != null && trimmed.matches("\\d{1,2}")) {
            int n = Integer.parseInt(trimmed);
            List<Reply.Option> options = lastQuestion.options();
            if (n >= 1 && n <= options.size()) {
                return new Event.Tap(lastQuestion.ask(), options.get(n - 1).code());
            }
        }
        return Event.ofTyped(line);
    }

    private void send(Language language, Event event) {
        chats.handle(CHAT_ID, -1, language, event, (chatId, reply) -> show(reply)).ifPresent(o -> last = o);
    }

    private void show(Reply reply) {
        if (reply instanceof Reply.DeleteTyped) {
            return; // a terminal's lines cannot be taken back (and the console passes no message numbers)
        }
        out.println();
        if (reply instanceof Reply.Say say) {
            out.println(say.text());
        } else if (reply instanceof Reply.Ask ask) {
            lastQuestion = ask;
            out.println(ask.text());
            List<Reply.Option> options = ask.options();
            for (int i = 0; i < options.size(); i++) {
                out.println("  " + (i + 1) + ") " + options.get(i).label());
            }
        } else if (reply instanceof Reply.Copyable copyable) {
            out.println(copyable.text()); // every answer is in the text; a terminal copies by selecting
        } else if (reply instanceof Reply.ClearChat clear) {
            out.println(catalogues.get(clear.language()).text("clear.console"));
        } else if (reply instanceof Reply.SendForm form) {
            save(form);
        } else {
            throw new IllegalArgumentException("unknown reply kind " + reply.getClass().getName());
        }
    }

    private void save(Reply.SendForm form) {
        try {
            Files.createDirectories(outDir);
            Path file = outDir.resolve(form.fileName());
            Files.write(file, renderer.render(ChildRequest.of(form.request())));
            written.add(file);
            out.println(form.caption());
            out.println(catalogues.get(last == null ? Language.EN : last.conversation().language())
                    .text("console.saved", Map.of("file", file)));
        } catch (IOException e) {
            writeFailure = new IOException("cannot write a form into " + outDir + " (" + e.getClass().getSimpleName()
                    + "); it is kept, and written at the next run: free the folder or choose another with --out", e);
            throw new UncheckedIOException(writeFailure);
        }
    }
}
