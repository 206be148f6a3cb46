package miicbot.i18n;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a reviewer's corrections file (saved by the review kit's page) into {@code messages/<code>.json}: each
 * corrected text replaces the old one, the whole catalogue is checked as at start ({@link CatalogueCheck}), and
 * {@code language.reviewed} becomes "yes" only when the reviewer marked every key seen (but the {@link EnglishOnly}
 * ones, which the kit does not ask for). A bad file changes nothing.
 * <p>The file: {@code {"lang": "so", "seen": ["key", ...], "corrections": {"key": "new text", ...}}}.
 */
public final class ReviewMerge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewMerge() {
    }

    /** What a merge did, for the one line the command prints. */
    public record Result(int corrected, int seen, int keys, boolean reviewed) {
    }

    /**
     * Merges {@code corrections} into {@code catalogueFile} (the language's file in the repository's messages/
     * folder). Throws {@link IllegalArgumentException} with one line saying what is wrong; the file is then untouched.
     */
    public static Result merge(Language language, Path catalogueFile, Path corrections) {
        if (language == Language.EN) {
            throw new IllegalArgumentException("English is the source: there is nothing to review");
        }
        Map<String, String> current = readFlat(catalogueFile);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(corrections, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(corrections + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(corrections + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(corrections + " is not a corrections file (a JSON object)");
        }
        String lang = root.path("lang").asText("");
        if (!lang.equals(language.code())) {
            throw new IllegalArgumentException(corrections + " is for language '" + lang + "', not '"
                    + language.code() + "'");
        }
        JsonNode fixes = root.path("corrections");
        JsonNode seenNode = root.path("seen");
        if (!fixes.isObject() || !seenNode.isArray()) {
            throw new IllegalArgumentException(corrections + " needs \"corrections\" (an object) and \"seen\" (a list)");
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        int corrected = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = fixes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fix = it.next();
            if (!current.containsKey(fix.getKey())) {
                throw new IllegalArgumentException(corrections + ": key '" + fix.getKey() + "' is not in "
                        + catalogueFile.getFileName());
            }
            if (EnglishOnly.is(fix.getKey())) {
                throw new IllegalArgumentException(corrections + ": key '" + fix.getKey() + "' is printed in English "
                        + "only; its translation is never shown");
            }
            if (!fix.getValue().isTextual()) {
                throw new IllegalArgumentException(corrections + ": key '" + fix.getKey() + "' is not a text");
            }
            String text = fix.getValue().asText().strip();
            if (!text.equals(current.get(fix.getKey()))) {
                merged.put(fix.getKey(), text);
                corrected++;
            }
        }
        Set<String> seen = new HashSet<>();
        seenNode.forEach(n -> seen.add(n.asText()));
        List<String> toRead = current.keySet().stream().filter(key -> !EnglishOnly.is(key)).toList();
        boolean everySeen = seen.containsAll(toRead);
        if (everySeen) {
            merged.put("language.reviewed", "yes");
        }
        Map<String, String> english = CatalogueFiles.read(Language.EN, null).merged();
        CatalogueCheck.requireValid(english,
                new CatalogueFiles(language, merged, Map.of(), null), Catalogue.locale(language));
        write(catalogueFile, merged);
        return new Result(corrected, (int) toRead.stream().filter(seen::contains).count(), toRead.size(), everySeen);
    }

    static Map<String, String> readFlat(Path file) {
        try {
            Map<String, String> texts = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class));
            if (texts == null) {
                throw new IllegalArgumentException(file + " is not a JSON object of key to text");
            }
            return texts;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a flat JSON object of key to text: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
        }
    }

    /** One {@code "key": "text"} per line, as the catalogues are kept, written to a temporary file then moved. */
    private static void write(Path file, Map<String, String> texts) {
        List<String> lines = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : texts.entrySet()) {
                lines.add("  " + JSON.writeValueAsString(e.getKey()) + ": " + JSON.writeValueAsString(e.getValue()));
            }
            String body = "{\n" + String.join(",\n", lines) + "\n}\n";
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, body, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be written: " + e.getMessage());
        }
    }
}
