package miicbot.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import miicbot.i18n.EnglishOnly;
import miicbot.i18n.Language;

/**
 * Writes the review kit: one self-contained HTML page (no network, no files beside it; opens from a USB stick and
 * prints) with, for each key in the order a parent meets it ({@link ParentOrder}), the English, the translation,
 * where it shows, the glossary terms it must use and a box for a correction; the keys page 1 prints in English only
 * ({@link EnglishOnly}) are listed apart, with no box. The page's own button saves the corrections and the keys marked seen as a JSON file that
 * {@code review-merge} reads.
 */
public final class ReviewKit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewKit() {
    }

    /** Writes {@code review-<code>.html} into {@code outDir} and returns its path. */
    public static Path write(Language language, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve("review-" + language.code() + ".html");
        Files.writeString(file, html(language), StandardCharsets.UTF_8);
        return file;
    }

    /** The page for one language. */
    public static String html(Language language) throws IOException {
        if (language == Language.EN) {
            throw new IllegalArgumentException("English is the source: pick es, so or hmn");
        }
        Map<String, String> english = flat("/messages/en.json");
        Map<String, String> translated = flat("/messages/" + language.code() + ".json");
        Map<String, String> glossary = glossary(language);
        StringBuilder rows = new StringBuilder();
        StringBuilder englishOnly = new StringBuilder();
        int n = 0;
        for (ParentOrder.Placed p : ParentOrder.of(english)) {
            String key = p.key();
            if (EnglishOnly.is(key)) {
                englishOnly.append("<section class=\"english-only\" data-key=\"").append(esc(key)).append("\">")
                        .append("<code>").append(esc(key)).append("</code>: ").append(esc(p.english()))
                        .append("</section>\n");
                continue;
            }
            String id = "k" + (++n);
            rows.append("<section class=\"key\" data-key=\"").append(esc(key)).append("\">\n")
                    .append("<h2 id=\"").append(id).append("\">").append(n).append(". <code>").append(esc(key))
                    .append("</code></h2>\n")
                    .append("<p class=\"where\">Where: ").append(esc(p.where())).append("</p>\n")
                    .append("<div class=\"pair\"><div lang=\"en\"><h3>English</h3><p>").append(esc(p.english()))
                    .append("</p></div><div lang=\"").append(language.code()).append("\"><h3>Translation</h3><p>")
                    .append(esc(translated.getOrDefault(key, ""))).append("</p></div></div>\n");
            List<String> terms = termsIn(p.english(), glossary);
            if (!terms.isEmpty()) {
                rows.append("<p class=\"terms\">Glossary: ").append(esc(String.join("; ", terms))).append("</p>\n");
            }
            rows.append("<label for=\"fix-").append(id).append("\">Correction (leave empty if it is right)</label>\n")
                    .append("<textarea id=\"fix-").append(id).append("\" rows=\"3\"></textarea>\n")
                    .append("<label class=\"seen\"><input type=\"checkbox\"> I have read this one</label>\n")
                    .append("</section>\n");
        }
        StringBuilder pictures = new StringBuilder();
        List<String> pages = PdfPictures.pages(language);
        for (int i = 0; i < pages.size(); i++) {
            pictures.append("<figure><img src=\"").append(pages.get(i)).append("\" alt=\"PDF page ").append(i + 1)
                    .append(" in this language, filled with made-up answers\"><figcaption>PDF page ").append(i + 1)
                    .append("</figcaption></figure>\n");
        }
        return PAGE.replace("@LANG@", language.code()).replace("@COUNT@", String.valueOf(n))
                .replace("@PDF@", pictures.toString()).replace("@ROWS@", rows.toString())
                .replace("@ENGLISH_ONLY@", englishOnly.toString());
    }

    private static List<String> termsIn(String english, Map<String, String> glossary) {
        List<String> found = new ArrayList<>();
        String lower = english.toLowerCase(Locale.ROOT);
        glossary.forEach((term, use) -> {
            if (lower.contains(term.toLowerCase(Locale.ROOT))) {
                found.add(term + " = " + use);
            }
        });
        return found;
    }

    private static Map<String, String> glossary(Language language) throws IOException {
        Map<String, String> terms = new LinkedHashMap<>();
        try (InputStream in = ReviewKit.class.getResourceAsStream("/messages/glossary/" + language.code() + ".json")) {
            if (in == null) {
                return terms;
            }
            JsonNode node = JSON.readTree(in).path("terms");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> t = it.next();
                terms.put(t.getKey(), t.getValue().path("use").asText());
            }
        }
        return terms;
    }

    private static Map<String, String> flat(String resource) throws IOException {
        try (InputStream in = ReviewKit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the jar");
            }
            return JSON.readValue(in, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                    String.class));
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // The save button builds the corrections file in the page and downloads it through a data: link: no network.
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>MIIC privacy bot: review of @LANG@</title>
            <style>
            body{font:16px/1.5 sans-serif;max-width:60rem;margin:auto;padding:1rem}
            .pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
            .key{border-top:1px solid #888;padding:.5rem 0;break-inside:avoid}
            textarea{width:100%;font:inherit}
            figure img{max-width:100%;border:1px solid #888}
            .where,.terms{color:#333;margin:.2rem 0}
            .english-only{color:#555;font-size:90%}
            @media print{textarea,.seen,#save{display:none}}
            </style></head><body>
            <h1>Review of the <span lang="@LANG@">@LANG@</span> texts (@COUNT@ keys)</h1>
            <p>The texts come in the order a parent meets them; "Where" says where each one shows. For each text: read
            the English and the translation. Type a better translation in the box if needed, and tick "I have read
            this one". At the end, press Save and send the saved file back.</p>
            <main>
            <h2>The PDF a parent gets</h2>
            @PDF@
            @ROWS@
            <h2>Printed in English only</h2>
            <p>Page 1 prints these in English only, for MDH's staff. Nothing to translate or check.</p>
            @ENGLISH_ONLY@
            </main>
            <p><button id="save" type="button">Save my corrections</button></p>
            <script>
            document.getElementById('save').addEventListener('click', function () {
              var out = {lang: '@LANG@', seen: [], corrections: {}};
              document.querySelectorAll('section.key').forEach(function (s) {
                var key = s.dataset.key, fix = s.querySelector('textarea').value.trim();
                if (s.querySelector('input[type=checkbox]').checked) { out.seen.push(key); }
                if (fix) { out.corrections[key] = fix; }
              });
              var a = document.createElement('a');
              a.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(JSON.stringify(out, null, 1));
              a.download = 'corrections-@LANG@.json';
              document.body.appendChild(a); a.click(); a.remove();
            });
            </script>
            </body></html>
            """;
}
