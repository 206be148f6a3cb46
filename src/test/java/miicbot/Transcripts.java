package miicbot;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The golden transcripts and parents' scripts in {@code src/test/resources/transcripts/}. */
public final class Transcripts {
    private Transcripts() {
    }

    /** The file's text; one not yet copied to the test classpath (a new golden file) is read from the sources. */
    public static String read(String name) throws IOException {
        try (InputStream in = Transcripts.class.getResourceAsStream("/transcripts/" + name)) {
            if (in == null) {
                Path source = Path.of("src/test/resources/transcripts", name);
                return Files.exists(source) ? Files.readString(source) : fail("no transcript " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
