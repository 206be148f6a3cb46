package miicbot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every case of {@link CommandLineProcessTest} again with the jar the build made, started as README says
 * ({@code java -jar target/miic-privacy-bot.jar ...}): its manifest, its shaded resources, its exit codes.
 */
class CommandLineJarIT extends CommandLineProcessTest {
    @Override
    List<String> launcher() {
        Path jar = Path.of("target", "miic-privacy-bot.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run after mvn package: " + jar);
        return List.of(java(), "-jar", jar.toString());
    }
}
