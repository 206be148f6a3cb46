package miicbot.i18n;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One language's catalogue as read from its files: the bundled {@code messages/<code>.json} and, when MESSAGES_DIR
 * has one, a local file whose keys replace the bundled ones. A local file may hold only the keys it changes.
 *
 * @param bundled       the texts from the jar
 * @param local         the texts from MESSAGES_DIR (empty when there is no file)
 * @param localFile     that file, or null
 */
record CatalogueFiles(Language language, Map<String, String> bundled, Map<String, String> local, Path localFile) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CatalogueFiles read(Language language, Path dir) {
        String name = language.code() + ".json";
        Map<String, String> bundled;
        try (InputStream in = Catalogue.class.getResourceAsStream("/messages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException(bundledName(language) + " is missing from the jar");
            }
            bundled = parse(in, bundledName(language));
        } catch (IOException e) {
            throw new IllegalArgumentException(bundledName(language) + " cannot be read: " + oneLine(e), e);
        }
        Path file = dir == null ? null : dir.resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            return new CatalogueFiles(language, bundled, Map.of(), null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new CatalogueFiles(language, bundled, parse(in, file.toString()), file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + oneLine(e), e);
        }
    }

    /** The bundled texts with the local ones laid over them, in the bundled order. */
    Map<String, String> merged() {
        Map<String, String> merged = new LinkedHashMap<>(bundled);
        merged.putAll(local);
        return merged;
    }

    /** The file a key's text came from, to name it in a problem. */
    String fileOf(String key) {
        return local.containsKey(key) ? localFile.toString() : bundledName(language);
    }

    private static String bundledName(Language language) {
        return "messages/" + language.code() + ".json (bundled)";
    }

    private static Map<String, String> parse(InputStream in, String name) throws IOException {
        try {
            Map<String, String> texts = JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
            if (texts == null) {
                throw new IllegalArgumentException(name + " is not a JSON object of key to text");
            }
            return texts;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not a flat JSON object of key to text: " + oneLine(e), e);
        }
    }

    private static String oneLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage()
                + (json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr() + ", column "
                + json.getLocation().getColumnNr() + ")") : String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse("").strip();
    }
}
