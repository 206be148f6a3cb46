package miicbot.review;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import miicbot.i18n.Language;
import miicbot.i18n.ReviewMerge;

/**
 * The two review subcommands: {@code review-kit --lang so --out DIR} writes the page for a reviewer;
 * {@code review-merge --lang so --file corrections.json [--messages DIR]} merges what the reviewer saved.
 */
public final class ReviewCommands {
    static final int OK = 0;
    static final int BAD = 2;

    private ReviewCommands() {
    }

    /** True when {@code args} name a review subcommand, so {@code Main} hands them over. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("review-kit") || args[0].equals("review-merge"));
    }

    /** Runs the subcommand; 0 when done, 2 with one line on {@code err} when not. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Language language = null;
        Path dir = Path.of("review");
        Path file = null;
        Path messages = Path.of("messages");
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--lang" -> language = language(value(args, ++i));
                    case "--out" -> dir = Path.of(value(args, ++i));
                    case "--file" -> file = Path.of(value(args, ++i));
                    case "--messages" -> messages = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'. Usage: "
                            + "review-kit --lang es|so|hmn [--out DIR] | review-merge --lang es|so|hmn --file FILE"
                            + " [--messages DIR]");
                }
            }
            if (language == null) {
                throw new IllegalArgumentException(args[0] + " needs --lang es|so|hmn");
            }
            if (args[0].equals("review-kit")) {
                out.println("Wrote " + ReviewKit.write(language, dir));
            } else {
                if (file == null) {
                    throw new IllegalArgumentException("review-merge needs --file (the saved corrections)");
                }
                ReviewMerge.Result r = ReviewMerge.merge(language, messages.resolve(language.code() + ".json"), file);
                out.println("Merged " + r.corrected() + " correction(s); " + r.seen() + " of " + r.keys()
                        + " keys seen; language.reviewed is " + (r.reviewed() ? "yes" : "unchanged"));
            }
            return OK;
        } catch (IllegalArgumentException | IOException e) {
            err.println("miic-privacy-bot " + args[0] + ": " + e.getMessage());
            return BAD;
        }
    }

    private static Language language(String code) {
        Language language = Language.fromTag(code);
        if (!language.code().equals(code)) {
            throw new IllegalArgumentException("--lang must be es, so or hmn, not '" + code + "'");
        }
        return language;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
