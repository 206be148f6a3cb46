package miicbot.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miicbot.i18n.EnglishOnly;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewKitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // A Somali key with a placeholder, to show a correction that drops it is refused.
    private static final String WITH_PLACEHOLDER = "child_last.prompt";

    @TempDir
    Path dir;

    private static Map<String, String> read(Path file) throws Exception {
        return JSON.readValue(file.toFile(), JSON.getTypeFactory().constructMapType(LinkedHashMap.class,
                String.class, String.class));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReviewCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ES", "SO", "HMN"})
    void theKitHoldsEveryKeyWithItsEnglishAndTranslation(Language language) throws Exception {
        Run r = run("review-kit", "--lang", language.code(), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(dir.resolve("review-" + language.code() + ".html"));
        Map<String, String> english = read(Path.of("messages/en.json"));
        Map<String, String> translated = read(Path.of("messages/" + language.code() + ".json"));
        for (String key : english.keySet()) {
            assertTrue(html.contains("data-key=\"" + ReviewKit.esc(key) + "\""), "key " + key + " missing");
            assertTrue(EnglishOnly.is(key) || html.contains(ReviewKit.esc(translated.get(key))),
                    "translation of " + key + " missing");
            assertTrue(html.contains(ReviewKit.esc(english.get(key))), "English of " + key + " missing");
        }
        long englishOnly = english.keySet().stream().filter(EnglishOnly::is).count();
        assertTrue(englishOnly >= 8, "page 1's English-only texts are listed apart");
        assertEquals(english.size() - englishOnly, html.split("<section class=\"key\"", -1).length - 1);
        assertEquals(englishOnly, html.split("<section class=\"english-only\"", -1).length - 1);
        // Each key says where it shows: the question's own line for a question, the page for the PDF.
        assertTrue(section(html, "child_birth_date.prompt").contains(
                "Where: Chat: the question &quot;Date of birth&quot;: What is {child}'s date of birth?"),
                section(html, "child_birth_date.prompt"));
        assertTrue(section(html, "pdf.field.given").contains("Where: PDF page 1"));
        assertTrue(section(html, "pdf.guide.next").contains("Where: PDF page 2"));
        assertTrue(section(html, "invalid.date.day_first").contains("cannot read, at the question &quot;Date of birth"));
        // Both PDF pages, rendered in this language, embedded as PNG data: URIs that decode to real images.
        java.util.regex.Matcher png = java.util.regex.Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
                .matcher(html);
        int pictures = 0;
        while (png.find()) {
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(png.group(1))));
            assertTrue(image.getWidth() > 500 && image.getHeight() > 700, "a page-sized picture");
            pictures++;
        }
        assertEquals(2, pictures, "PDF pages 1 and 2");
        // Self-contained: nothing is loaded from elsewhere (no script, style sheet or image by address).
        assertFalse(html.contains("<script src") || html.contains("<link") || html.contains("<img src=\"http"), html);
    }

    /** The order a parent meets the texts: welcome, the questions in order, review, PDF, last message, commands. */
    @Test
    void theKeysComeInTheOrderAParentMeetsThem() throws Exception {
        String html = ReviewKit.html(Language.ES);
        List<String> landmarks = List.of("welcome.text", "role.prompt", "parent_name.prompt", "child_first.prompt",
                "child_birth_date.prompt", "invalid.date.day_first", "request.prompt", "explain.opt_out",
                "review.title", "form.not_official", "pdf.field.given", "pdf.guide.title", "another_child.prompt",
                "done.text", "help.text", "command.help", "pdf.request.title");
        List<Integer> at = landmarks.stream().map(k -> html.indexOf("data-key=\"" + k + "\"")).toList();
        for (int i = 0; i < at.size(); i++) {
            assertTrue(at.get(i) > 0, landmarks.get(i) + " is in the kit");
            if (i > 0) {
                assertTrue(at.get(i - 1) < at.get(i), landmarks.get(i - 1) + " comes before " + landmarks.get(i));
            }
        }
    }

    private static String section(String html, String key) {
        int start = html.indexOf("data-key=\"" + key + "\"");
        assertTrue(start > 0, key);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private Path copyOfSomali() throws Exception {
        Path messages = Files.createDirectories(dir.resolve("messages"));
        Files.copy(Path.of("messages/so.json"), messages.resolve("so.json"));
        return messages;
    }

    private Path corrections(Object content) throws Exception {
        Path file = dir.resolve("corrections.json");
        Files.writeString(file, content instanceof String s ? s : JSON.writeValueAsString(content));
        return file;
    }

    @Test
    void correctionsRoundTripIntoTheCatalogueAndEverySeenKeyMarksItReviewed() throws Exception {
        Path messages = copyOfSomali();
        Map<String, String> before = read(messages.resolve("so.json"));
        String fixed = before.get("language.prompt") + " (sixxan)";
        List<String> someSeen = new ArrayList<>(before.keySet()).subList(0, 10);
        Path file = corrections(Map.of("lang", "so", "seen", someSeen, "corrections",
                Map.of("language.prompt", fixed)));

        Run first = run("review-merge", "--lang", "so", "--file", file.toString(), "--messages", messages.toString());
        assertEquals(0, first.code(), first.err());
        Map<String, String> after = read(messages.resolve("so.json"));
        assertEquals(fixed, after.get("language.prompt"));
        assertEquals("no", after.get("language.reviewed"), "not every key was seen");
        assertEquals(new ArrayList<>(before.keySet()), new ArrayList<>(after.keySet()), "keys and order kept");
        after.forEach((k, v) -> {
            if (!k.equals("language.prompt")) {
                assertEquals(before.get(k), v, k);
            }
        });

        // Every key the kit asks for, which leaves out page 1's English-only texts.
        List<String> toRead = before.keySet().stream().filter(k -> !EnglishOnly.is(k)).toList();
        Run second = run("review-merge", "--lang", "so", "--file",
                corrections(Map.of("lang", "so", "seen", toRead, "corrections", Map.of()))
                        .toString(), "--messages", messages.toString());
        assertEquals(0, second.code(), second.err());
        assertEquals("yes", read(messages.resolve("so.json")).get("language.reviewed"));
        assertTrue(second.out().contains("language.reviewed is yes"), second.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"placeholder", "unknownKey", "notJson", "wrongLanguage", "notText", "englishOnly"})
    void aBadCorrectionsFileIsRefusedWithOneLineAndTheCatalogueUntouched(String fault) throws Exception {
        Path messages = copyOfSomali();
        byte[] before = Files.readAllBytes(messages.resolve("so.json"));
        Map<String, String> texts = read(messages.resolve("so.json"));
        List<String> all = new ArrayList<>(texts.keySet());
        Object content = switch (fault) {
            case "placeholder" -> Map.of("lang", "so", "seen", all, "corrections",
                    Map.of(WITH_PLACEHOLDER, "Ilmaha"));
            case "unknownKey" -> Map.of("lang", "so", "seen", all, "corrections", Map.of("no.such.key", "x"));
            case "notJson" -> "{\"lang\": \"so\", \"seen\": [";
            case "wrongLanguage" -> Map.of("lang", "hmn", "seen", all, "corrections", Map.of());
            case "notText" -> Map.of("lang", "so", "seen", all, "corrections", Map.of("language.prompt", 3));
            case "englishOnly" -> Map.of("lang", "so", "seen", all, "corrections", Map.of("pdf.request.title", "x"));
            default -> throw new AssertionError(fault);
        };
        Run r = run("review-merge", "--lang", "so", "--file", corrections(content).toString(),
                "--messages", messages.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("miic-privacy-bot review-merge: "), r.err());
        if (fault.equals("englishOnly")) {
            assertTrue(r.err().contains("'pdf.request.title' is printed in English only"), r.err());
        }
        if (fault.equals("placeholder")) {
            assertTrue(r.err().contains(WITH_PLACEHOLDER) && r.err().contains("placeholders"), r.err());
        }
        assertArrayEquals(before, Files.readAllBytes(messages.resolve("so.json")), "the catalogue is untouched");
    }
}
