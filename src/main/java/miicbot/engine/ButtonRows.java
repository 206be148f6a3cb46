package miicbot.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays buttons out so that every label shows whole on a phone, where Telegram gives each button of a row an equal
 * share of about 32 characters' width: a button alone takes at most {@link #ALONE} characters, two side by side
 * at most {@link #PAIR} each, three at most {@link #THREE} each, and no row holds more than three. A row that
 * breaks this is split, keeping the buttons' order (a typed number still taps the same button); a label too long
 * even alone is a catalogue problem, which {@link #problems} names.
 */
public final class ButtonRows {
    public static final int ALONE = 32;
    public static final int PAIR = 22;
    public static final int THREE = 14;

    private ButtonRows() {
    }

    /** The rows, each split where its buttons would not fit side by side. */
    static List<List<Reply.Option>> fit(List<List<Reply.Option>> rows) {
        List<List<Reply.Option>> fitted = new ArrayList<>();
        for (List<Reply.Option> row : rows) {
            if (fits(row.stream().map(Reply.Option::label).toList())) {
                fitted.add(row);
                continue;
            }
            List<Reply.Option> current = new ArrayList<>();
            for (Reply.Option option : row) {
                current.add(option);
                if (current.size() > 1 && !fits(current.stream().map(Reply.Option::label).toList())) {
                    current.remove(current.size() - 1);
                    fitted.add(current);
                    current = new ArrayList<>(List.of(option));
                }
            }
            fitted.add(current);
        }
        return fitted;
    }

    /** What breaks the rule in a keyboard's rows of labels, one line per problem; empty when it fits a phone. */
    public static List<String> problems(List<List<String>> rows) {
        List<String> problems = new ArrayList<>();
        for (List<String> row : rows) {
            for (String label : row) {
                if (length(label) > ALONE) {
                    problems.add("longer than " + ALONE + " characters: \"" + label + "\"");
                }
            }
            if (row.size() > 1 && !fits(row)) {
                problems.add(row.size() + " buttons in one row will be cut: " + row);
            }
        }
        return problems;
    }

    private static boolean fits(List<String> row) {
        int widest = switch (row.size()) {
            case 0, 1 -> ALONE;
            case 2 -> PAIR;
            case 3 -> THREE;
            default -> 0; // more than three never fit
        };
        return row.stream().allMatch(label -> length(label) <= widest);
    }

    /** A label's length as a reader sees it: characters, not UTF-16 units. */
    static int length(String label) {
        return label.codePointCount(0, label.length());
    }
}
