package miicbot.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * warms up at start), then the warm median and p99 over many renders, and the size. {@code --threads N} (default 2, the
 * target's) renders with N threads at once (each back to back); {@code --no-cold} skips the second JVM. Run by hand (surefire skips
 * this package); see docs/BENCHMARKS.md for the command. With {@code --sample FILE} it instead writes page 1 of a
 * fictional request as a PNG; {@code --sample-pdf FILE} writes the whole PDF (for pdftoppm, see docs/BENCHMARKS.md).
 */
public final class PdfBench {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--sample")) {
            writeSample(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("--sample-pdf")) {
            Files.write(Path.of(args[1]), form().render(sample()));
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
        int renders = 2_000;
        int threads = 2; // the target: 2 renders in flight (one per core)
        boolean cold = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--no-cold" -> cold = false;
                default -> renders = Integer.parseInt(args[i]);
            }
        }
        long start = System.nanoTime();
        RequestForm form = form();
        byte[] first = form.render(sample());
        System.out.printf("cold first render (fresh JVM, no warm-up, catalogues included): %.0f ms%n",
                (System.nanoTime() - start) / 1e6);
        if (cold) {
            runChild("--first-after-warm-up");
        }
        form.warmUp();
        measure(form, 2_000, threads); // JIT warm-up, not reported
        Result r = measure(form, renders, threads);
        long[] times = r.times();
        System.out.printf("warm render over %d with %d thread(s): median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                renders, threads, times[renders / 2] / 1e6, times[(int) (renders * 0.99)] / 1e6,
                times[renders - 1] / 1e6);
        System.out.printf("CPU per render: %.3f ms (process CPU incl. GC and JIT: %.3f ms); %.0f renders/s%n",
                r.threadCpuNanos() / 1e6 / renders, r.processCpuNanos() / 1e6 / renders,
                renders / (r.wallNanos() / 1e9));
        double median = times[renders / 2] / 1e6;
        double p99 = times[(int) (renders * 0.99)] / 1e6;
        System.out.printf("target with 2 renders in flight, median <= 2 ms and p99 <= 5 ms: %s (%d thread(s):"
                + " median %.2f ms, p99 %.2f ms)%n", threads != 2 ? "not measured (run with --threads 2)"
                : median <= 2 && p99 <= 5 ? "met" : "not met", threads, median, p99);
        System.out.printf("size: %d bytes (%.1f KB)%n", first.length, first.length / 1024.0);
    }

    /** Per-render wall times (sorted), the rendering threads' own CPU time, the process's CPU time and the wall time. */
    private record Result(long[] times, long threadCpuNanos, long processCpuNanos, long wallNanos) { }

    /** {@code renders} renders spread over {@code threads} threads that all start together and render back to back. */
    private static Result measure(RequestForm form, int renders, int threads) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] times = new long[renders];
        AtomicInteger next = new AtomicInteger();
        AtomicLong threadCpu = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ChildRequest request = sample();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long cpu = mx.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < renders; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    form.render(request);
                    times[i] = System.nanoTime() - s;
                }
                threadCpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
            });
            worker.start();
            workers.add(worker);
        }
        long processCpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        wall = System.nanoTime() - wall;
        processCpu = os.getProcessCpuTime() - processCpu;
        Arrays.sort(times);
        return new Result(times, threadCpu.get(), processCpu, wall);
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
        return ChildRequest.builder().language(Language.ES).prepared(LocalDate.of(2026, 11, 25))
                .guardian("Maria Elena García López", Relationship.PARENT).phone("651-555-0123")
                .email("maria.garcia@example.com").address("1234 Lakeview Ave Apt 5", "Saint Paul", "MN", "55101")
                .child("Sofía Isabel", "García López").birthDate(LocalDate.of(2019, 3, 14)).sex(Sex.FEMALE)
                .options(EnumSet.of(RequestOption.LOCK, RequestOption.DECLINE_REMINDERS))
                .clinic("Lakeview Family Clinic", "Saint Paul").build();
    }

    private static void writeSample(Path png) throws Exception {
        try (PDDocument doc = Loader.loadPDF(form().render(sample()))) {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", new File(png.toString()));
        }
    }
}
