package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miicbot.Transcripts;
import miicbot.engine.Conversation;
import miicbot.engine.Engine;
import miicbot.engine.Event;
import miicbot.engine.Outcome;
import miicbot.engine.Reply;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.i18n.PseudoLocale;
import miicbot.interview.ChildRequest;
import miicbot.interview.MiicInterview;
import miicbot.interview.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole interview and both pages of every form in the pseudo-locale (accented, bracketed, 40 % longer texts in
 * place of English). Fails when a text is cut, runs out of the page or into other text, or shows up without accents,
 * which means it did not come from the catalogue.
 *
 * <p>The parent's side is the console transcript {@code transcripts/two-children.txt} (a number taps that button,
 * anything else is typed), so this test follows the interview wherever that transcript goes.
 */
class PseudoLocaleInterviewTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Pattern ASCII_WORD = Pattern.compile("(?<![\\p{L}\\d])[A-Za-z]{3,}(?![\\p{L}\\d])");
    private static final float PAGE_WIDTH = 612;
    private static final float PAGE_HEIGHT = 792;

    private static Catalogue pseudo;
    private static Map<Language, Catalogue> catalogues;
    private static List<String> said;
    private static List<Reply.SendForm> forms;
    private static Set<String> allowed;

    @BeforeAll
    static void runTheInterview() throws IOException {
        pseudo = PseudoLocale.of(Catalogue.load(Language.EN, null));
        catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, language == Language.EN ? pseudo : Catalogue.load(language, null));
        }
        Submission submission = Submission.load();
        Engine engine = new Engine(MiicInterview.interview(submission), catalogues,
                new Engine.Settings(30, true, Engine.Screen.CHAT));
        List<String> lines = Transcripts.read("two-children.txt").lines().toList();
        allowed = allowedWords(lines, submission);
        said = new ArrayList<>();
        forms = new ArrayList<>();
        Conversation c = Conversation.start(Language.EN);
        Reply.Ask question = null;
        for (String line : lines) {
            Event event = Event.ofTyped(line);
            if (question != null && line.strip().matches("\\d{1,2}")) {
                int n = Integer.parseInt(line.strip());
                if (n >= 1 && n <= question.options().size()) {
                    event = new Event.Tap(question.ask(), question.options().get(n - 1).code());
                }
            }
            Outcome outcome = engine.next(c, event, TODAY);
            c = outcome.conversation();
            for (Reply reply : outcome.replies()) {
                if (reply instanceof Reply.Say say) {
                    said.add(say.text());
                } else if (reply instanceof Reply.Ask ask) {
                    question = ask;
                    said.add(ask.text());
                    // The language row names the other languages in their own words: not the pseudo catalogue's.
                    ask.options().stream().filter(o -> Language.fromTag(o.code()) == Language.EN
                            || !Language.fromTag(o.code()).code().equals(o.code())).forEach(o -> said.add(o.label()));
                } else if (reply instanceof Reply.SendForm form) {
                    forms.add(form);
                    said.add(form.caption());
                }
            }
        }
    }

    @Test
    void theInterviewMakesTwoForms() {
        assertEquals(2, forms.size(), String.join("\n", said));
    }

    @Test
    void everythingTheBotSaysComesFromTheCatalogue() {
        List<String> plain = new ArrayList<>();
        for (String text : said) {
            plain.addAll(unaccented(text));
        }
        assertEquals(List.of(), plain, "words that bypass the catalogue");
        assertEquals(List.of(), said.stream().filter(text -> !PseudoLocale.looksPseudo(text)).toList(),
                "every reply has catalogue text");
    }

    @Test
    void bothPagesOfEveryFormShowEveryTextWhole() {
        RequestForm renderer = new RequestForm(catalogues, Submission.load());
        for (Reply.SendForm form : forms) {
            byte[] pdf = renderer.render(ChildRequest.of(form.request()));
            for (int page = 1; page <= 2; page++) {
                String text = Pdfs.pageText(pdf, page);
                assertFalse(text.contains("…"), "a label was cut short on page " + page + ":\n" + text);
                assertFalse(text.contains("?"), "a character had no glyph on page " + page + ":\n" + text);
                assertEquals(List.of(), unaccented(text), "page " + page + " has text from outside the catalogue");
                String flat = flat(text);
                for (String key : keysOnPage(page, form)) {
                    String expected = flat(pseudo.text(key, Map.of("child", ChildRequest.of(form.request()).child().fullName())));
                    if (expected.contains("{")) {
                        continue;
                    }
                    if (page == 1 && (key.startsWith("pdf.field.") || key.startsWith("pdf.option."))) {
                        // Labels and options wrap inside side-by-side boxes, so reading order interleaves their
                        // lines; RequestFormTest checks each one's glyphs lie inside its box. Here: every word is there.
                        for (String word : expected.split(" ")) {
                            assertTrue(flat.contains(word), key + ": '" + word + "' missing on page 1:\n" + text);
                        }
                    } else {
                        assertTrue(flat.contains(expected), key + " is not whole on page " + page + ":\n" + text);
                    }
                }
                assertNoGlyphOverlapsOrLeavesThePage(Pdfs.glyphs(pdf, page), page);
            }
        }
    }

    /** Texts each page always draws in full (labels, options, statements, the guide). */
    private static List<String> keysOnPage(int page, Reply.SendForm form) {
        List<String> keys = new ArrayList<>();
        if (page == 1) {
            pseudo.keys().stream().filter(k -> k.startsWith("pdf.field.") || k.startsWith("pdf.option."))
                    .filter(k -> !k.equals("pdf.field.adult")).forEach(keys::add);
            keys.addAll(List.of("pdf.request.title", "pdf.request.to", "pdf.request.section.child",
                    "pdf.request.section.request", "pdf.request.section.signature", "pdf.sign.date"));
            keys.add(ChildRequest.of(form.request()).adult() ? "pdf.statement.adult" : "pdf.statement.parent");
        } else {
            keys.addAll(List.of("pdf.guide.title", "pdf.guide.intro", "pdf.guide.print", "pdf.guide.send",
                    "pdf.guide.next.heading", "pdf.guide.next", "pdf.guide.reverse.heading", "pdf.guide.copy",
                    "pdf.guide.footer"));
            keys.add(ChildRequest.of(form.request()).adult() ? "pdf.guide.sign.adult" : "pdf.guide.sign.parent");
        }
        return keys;
    }

    /** No two drawn characters overlap, and each lies inside the page's margins. */
    private static void assertNoGlyphOverlapsOrLeavesThePage(List<Pdfs.Glyph> glyphs, int page) {
        List<Pdfs.Glyph> drawn = glyphs.stream().filter(g -> !g.text().isBlank()).toList();
        Set<String> problems = new TreeSet<>();
        for (Pdfs.Glyph g : drawn) {
            if (g.x() < RequestPage.MARGIN - 1 || g.x() + g.width() > PAGE_WIDTH - RequestPage.MARGIN + 1
                    || g.y() - g.height() < 20 || g.y() > PAGE_HEIGHT - 20) {
                problems.add("leaves the margins: " + line(drawn, g));
            }
        }
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                Pdfs.Glyph a = drawn.get(i);
                Pdfs.Glyph b = drawn.get(j);
                float w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
                float h = Math.min(a.y(), b.y()) - Math.max(a.y() - a.height(), b.y() - b.height());
                if (w > 1 && h > 1) {
                    problems.add("overlap: '" + line(drawn, a) + "' and '" + line(drawn, b) + "'");
                }
            }
        }
        assertEquals(Set.of(), problems, "page " + page);
    }

    /** The text drawn on the same baseline as {@code g}, for messages. */
    private static String line(List<Pdfs.Glyph> glyphs, Pdfs.Glyph g) {
        StringBuilder line = new StringBuilder();
        glyphs.stream().filter(o -> Math.abs(o.y() - g.y()) < 0.5f).forEach(o -> line.append(o.text()));
        return line.toString();
    }

    /** Plain ASCII words that are not answers, submission details, commands or month names. */
    private static List<String> unaccented(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ASCII_WORD.matcher(text.replaceAll("/[a-z]+|[\\w.+-]+@[\\w.-]+", " "));
        while (m.find()) {
            if (!allowed.contains(m.group().toLowerCase(Locale.ROOT))) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static Set<String> allowedWords(List<String> answers, Submission submission) {
        Set<String> words = new TreeSet<>();
        List<String> sources = new ArrayList<>(answers);
        for (Submission.Route route : submission.routes()) {
            sources.add(route.name());
            sources.addAll(route.address());
        }
        for (Language language : Language.values()) {
            if (language != Language.EN) { // the language picker names each language in its own words
                Catalogue own = Catalogue.load(language, null);
                sources.addAll(List.of(own.text("language.name"), own.text("language.draft")));
            }
        }
        for (Month month : Month.values()) {
            sources.add(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)); // dates in words: Java's, not ours
        }
        for (String source : sources) {
            for (String word : source.split("[^A-Za-z]+")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
