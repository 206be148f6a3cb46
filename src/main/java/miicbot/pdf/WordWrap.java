package miicbot.pdf;

import java.util.ArrayList;
import java.util.List;

/** Lines of text that fit a width, as {@link Canvas} draws paragraphs and answers. */
final class WordWrap {
    private WordWrap() {
    }

    /** The lines of {@code printable} (already made printable by {@link Fonts}) at {@code size} in {@code face}. */
    // Greedy: a word wider than the line is broken between characters.
    static List<String> lines(String printable, Fonts.Face face, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        float space = face.width(" ", size);
        for (String word : printable.split(" ")) {
            float wordWidth = face.width(word, size);
            float candidate = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= width) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String letter = Character.toString(cp);
                float letterWidth = face.width(letter, size);
                if (lineWidth + letterWidth > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                line.append(letter);
                lineWidth += letterWidth;
                i += Character.charCount(cp);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
