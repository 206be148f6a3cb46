package miicbot.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import javax.imageio.ImageIO;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.Relationship;
import miicbot.interview.RequestOption;
import miicbot.interview.Sex;
import miicbot.interview.Submission;
import miicbot.pdf.RequestForm;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Measures the request form: the first render in a fresh JVM without warm-up (cold), the first render after
 * {@link RequestForm#warmUp()} in another fresh JVM (what the first parent after a restart waits for, the bot
 * warms up at start), then the warm median and p99 over many renders, and the size. Run by hand (surefire skips
 * this package); see docs/BENCHMARKS.md for the command. With {@code --sample FILE} it instead writes page 1 of a
 * fictional request as a PNG (docs/sample-request.png).
 */
public final class PdfBench {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--sample")) {
            writeSample(Path.of(args[1]));
            return;
        }
        if (args.length == 1 && args[0].equals("--first-after-warm-up")) {
            RequestForm form = form();
            long start = System.nanoTime();
            form.warmUp();
            long warmUp = System.nanoTime() - start;
            start = System.nanoTime();
            form.render(sample());
            System.out.printf("warm-up at start: %d ms; first render after warm-up: %.1f ms%n",
                    warmUp / 1_000_000, (System.nanoTime() - start) / 1e6);
            return;
        }
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        long start = System.nanoTime();
        RequestForm form = form();
        byte[] first = form.render(sample());
        System.out.printf("cold first render (fresh JVM, no warm-up, catalogues included): %.0f ms%n",
                (System.nanoTime() - start) / 1e6);
        runChild("--first-after-warm-up");
        for (int i = 0; i < 200; i++) {
            form.render(sample());
        }
        long[] times = new long[renders];
        for (int i = 0; i < renders; i++) {
            long t = System.nanoTime();
            form.render(sample());
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf("warm render over %d: median %.2f ms, p99 %.2f ms, max %.2f ms%n", renders,
                times[renders / 2] / 1e6, times[(int) (renders * 0.99)] / 1e6, times[renders - 1] / 1e6);
        System.out.printf("size: %d bytes (%.1f KB)%n", first.length, first.length / 1024.0);
    }

    private static void runChild(String arg) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PdfBench.class.getName(), arg)
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("child JVM failed");
        }
    }

    private static RequestForm form() {
        Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language, null));
        }
        return new RequestForm(catalogues, Submission.load());
    }

    /** A fictional family: no real person. */
    static ChildRequest sample() {
        var address = new ChildRequest.Address("1234 Lakeview Ave Apt 5", "Saint Paul", "MN", "55101");
        var guardian = new ChildRequest.Guardian("Maria Elena García López", Relationship.PARENT, "651-555-0123",
                "maria.garcia@example.com", address);
        var child = new ChildRequest.Child("Sofía Isabel", "García López", "", LocalDate.of(2019, 3, 14), Sex.FEMALE);
        return new ChildRequest(Language.ES, guardian, child,
                EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS),
                new ChildRequest.Clinic("Lakeview Family Clinic", "Saint Paul"), LocalDate.of(2026, 11, 25));
    }

    private static void writeSample(Path png) throws Exception {
        try (PDDocument doc = Loader.loadPDF(form().render(sample()))) {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", new File(png.toString()));
        }
    }
}
