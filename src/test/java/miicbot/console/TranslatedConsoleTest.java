package miicbot.console;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import miicbot.MainRunner;
import miicbot.Transcripts;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two children from piped input in Somali and in Hmong: both forms are made, with every name exactly as typed. The
 * parent's lines are in {@code transcripts/two-children-<code>.txt} (a number taps that button); when the interview
 * changes, update those files and {@link Family} below.
 */
class TranslatedConsoleTest {
    @TempDir
    Path dir;

    /** The names a transcript types, and the clinic it names for the second child. */
    record Family(String parent, String firstGiven, String secondGiven, String last, String clinic) {
        static Family of(Language language) {
            return switch (language) {
                case SO -> new Family("Faadumo Cali Xasan", "Xamdi", "Ma'ruuf", "Maxamed Cabdullaahi",
                        "Cedar Riverside Clinic");
                case HMN -> new Family("Pa Nhia Xiong", "Nou", "Tou Fue", "Vang", "Eastside Family Clinic");
                default -> throw new IllegalArgumentException("no transcript for " + language);
            };
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"SO", "HMN"})
    void twoChildrenFromPipedInputGiveTwoFormsWithTheNamesExact(Language language) throws Exception {
        Catalogue english = Catalogue.load(Language.EN, null);
        Catalogue own = Catalogue.load(language, null);
        Family family = Family.of(language);
        String out = MainRunner.piped(dir.resolve("data"), Transcripts.read("two-children-" + language.code() + ".txt"),
                "--lang", language.code(), "--out", dir.resolve("forms").toString());

        assertTrue(out.contains(own.text("role.choice.parent")), "the console speaks " + language + ":\n" + out);
        assertFalse(out.contains(english.text("welcome.choice.about")), "no English buttons:\n" + out);
        List<Path> forms;
        try (Stream<Path> files = Files.list(dir.resolve("forms"))) {
            forms = files.sorted().toList();
        }
        assertEquals(2, forms.size(), out);
        String first = text(forms.stream().filter(f -> f.toString().contains(ascii(family.firstGiven()))).findFirst()
                .orElseThrow(() -> new AssertionError(forms.toString())));
        String second = text(forms.stream().filter(f -> f.toString().contains(ascii(family.secondGiven())))
                .findFirst().orElseThrow(() -> new AssertionError(forms.toString())));
        for (String page : List.of(first, second)) {
            assertTrue(page.contains(family.parent()), page);
            assertTrue(page.contains(family.last()), page);
            assertTrue(page.contains(english.text("pdf.field.given") + " / " + own.text("pdf.field.given")), page);
            assertTrue(flat(page).contains(flat(own.text("pdf.guide.title"))), "page 2 in " + language);
        }
        assertTrue(first.contains(family.firstGiven()) && first.contains("03/14/2019"), first);
        assertTrue(first.contains("X " + english.text("pdf.option.opt_out")), first);
        assertTrue(second.contains(family.secondGiven()) && second.contains("07/01/2021"), second);
        assertTrue(second.contains(family.clinic()), second);
        assertTrue(second.contains("X " + english.text("pdf.option.lock").substring(0, 30)), second); // it wraps
        assertTrue(flat(first).contains(flat(own.text("pdf.guide.intro",
                Map.of("child", family.firstGiven() + " " + family.last())))), "page 2 names the child exactly");
        assertTrue(out.contains(own.text("console.saved", Map.of("file", forms.get(0)))), out);
    }

    /** The part of a name that survives in a file name (letters only). */
    private static String ascii(String name) {
        return name.replaceAll("[^A-Za-z].*", "");
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }
}
