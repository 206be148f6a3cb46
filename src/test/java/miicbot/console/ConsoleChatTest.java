package miicbot.console;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import miicbot.MainRunner;
import miicbot.Transcripts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole interview through the console, from piped input, as a parent at a terminal would type it. */
class ConsoleChatTest {
    @TempDir
    Path dir;

    @Test
    void twoChildrenFromPipedInputGiveTwoCorrectForms() throws Exception {
        String out = MainRunner.piped(dir.resolve("data"), Transcripts.read("two-children.txt"), "--out", dir.resolve("forms").toString());
        List<Path> forms;
        try (Stream<Path> files = Files.list(dir.resolve("forms"))) {
            forms = files.sorted().toList();
        }
        assertEquals(List.of("MIIC-request-Ana-Garcia.pdf", "MIIC-request-Luis-Garcia.pdf"),
                forms.stream().map(p -> p.getFileName().toString()).toList(), out);
        String ana = text(forms.get(0));
        assertTrue(ana.contains("Ana") && ana.contains("03/14/2019") && ana.contains("Maria Garcia Lopez"), ana);
        assertTrue(ana.contains("X Opt out: lock the record for all MIIC users"), ana);
        assertFalse(ana.contains("X Limit access"));
        String luis = text(forms.get(1));
        assertTrue(luis.contains("07/01/2021") && luis.contains("Westside Family Clinic") && luis.contains("Bloomington"));
        assertTrue(luis.contains("X Limit access: lock the record to this health care"), luis); // the option wraps in its column
        assertFalse(luis.contains("X Opt out"));
        assertTrue(luis.contains("Maria Garcia Lopez"), "the sibling reuses the parent's details");
        assertTrue(out.contains("Saved: " + forms.get(0)));
        assertTrue(out.contains("MIIC Public Inquiry Form"), "the end says where to send the forms");
        assertTrue(out.contains("End of input. 2 forms saved in "), "a real plural, not \"form(s)\"");
    }

    @Test
    void quittingMidInterviewAndStartingAgainContinues() {
        MainRunner.piped(dir.resolve("data"), "hi\n5\nMaria Lopez\n");
        String second = MainRunner.piped(dir.resolve("data"), "651 555 0123\n");
        assertTrue(second.contains("Welcome back"), second);
        assertTrue(second.contains("What phone number"), second);
        assertTrue(second.contains("What is your mailing address?"), "the phone was taken: " + second);
    }

    @Test
    void badInputNeverEndsTheConsole() {
        String out = MainRunner.piped(dir.resolve("data"), "\u0000\n/nonsense\n99\n\n/back\n5\n123\n");
        assertTrue(out.contains("type its number"), out);
        assertTrue(out.contains("letters only"));
        assertTrue(out.contains("End of input"));
    }

    @Test
    void spanishByFlag() {
        String out = MainRunner.piped(dir.resolve("data"), "hola\n", "--lang", "es");
        assertTrue(out.contains("¡Hola!"), out);
        assertTrue(out.contains("5) Soy la madre o el padre"), out);
        assertTrue(out.contains("2) Español (borrador)"));
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }
}
