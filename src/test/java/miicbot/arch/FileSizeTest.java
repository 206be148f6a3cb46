package miicbot.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No main source file grows past 300 lines: a class that long is doing more than one job (ARCHITECTURE.md). */
class FileSizeTest {
    private static final int MAX_LINES = 300;

    @Test
    void noMainFileIsLongerThan300Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(FileSizeTest::tooLong)
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), tooLong);
    }

    private static boolean tooLong(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() > MAX_LINES;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
