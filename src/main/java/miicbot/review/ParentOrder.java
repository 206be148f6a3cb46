package miicbot.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import miicbot.engine.Step;
import miicbot.engine.StepId;
import miicbot.interview.MiicInterview;
import miicbot.interview.Submission;

/**
 * The catalogue's keys in the order a parent meets them, each with where it shows: the welcome, then each question
 * of the interview in table order (its prompt, buttons, help and the replies to an answer it cannot read), the
 * review, the PDF's two pages, the last message, then what a command or a mistake can show at any time. Where a
 * key shows in the chat, the reviewer sees the line the bot says there (the question's prompt).
 */
final class ParentOrder {
    /** One key, its English text and where a parent sees it. */
    record Placed(String key, String english, String where) {
    }

    private record Moment(int rank, String where) {
    }

    private static final int AFTER_QUESTIONS = 1000;
    // The questions in the order the interview asks them.
    private static final List<StepId> ORDER = MiicInterview.interview(Submission.load()).steps().stream()
            .map(Step::id).toList();
    private static final Map<String, StepId> INVALID = Map.of("invalid.phone", MiicInterview.PARENT_PHONE,
            "invalid.email", MiicInterview.PARENT_EMAIL, "invalid.state", MiicInterview.STATE, "invalid.zip", MiicInterview.ZIP);
    private static final int PROMPT_SHOWN = 70;

    private ParentOrder() {
    }

    /** Every key of {@code english}, in the order a parent meets it; keys of one moment keep the file's order. */
    static List<Placed> of(Map<String, String> english) {
        List<Placed> placed = new ArrayList<>();
        Map<String, Integer> rank = new HashMap<>();
        for (String key : english.keySet()) {
            Moment m = moment(key, english);
            placed.add(new Placed(key, english.get(key), m.where()));
            rank.put(key, m.rank());
        }
        // A stable sort: keys of one moment stay in the file's order.
        placed.sort(Comparator.comparing(p -> rank.get(p.key())));
        return placed;
    }

    private static Moment moment(String key, Map<String, String> english) {
        if (key.startsWith("language.") || key.startsWith("welcome.")) {
            return new Moment(0, "Chat: the first message, with the language buttons");
        }
        StepId step = stepOf(key);
        if (step != null) {
            if (key.startsWith("explain.") || key.contains(".about.")) {
                return question(step, english, 1, "the About button beside an option, at ");
            }
            return key.startsWith("invalid.") ? question(step, english, 2, "the reply to an answer it cannot read, at ")
                    : question(step, english, 0, "");
        }
        if (key.startsWith("common.")) {
            return new Moment(AFTER_QUESTIONS - 1, "Chat: buttons and words used at many questions");
        }
        if (key.startsWith("invalid.")) {
            return new Moment(AFTER_QUESTIONS - 1, "Chat: the reply to an answer it cannot read");
        }
        if (key.startsWith("review.") || key.startsWith("edit.")) {
            return new Moment(AFTER_QUESTIONS, "Chat: the review of all answers, and changing one");
        }
        if (key.startsWith("form.")) {
            return new Moment(AFTER_QUESTIONS + 1, "Chat: the message that carries the PDF");
        }
        if (key.equals("date.numeric")) {
            return new Moment(AFTER_QUESTIONS, "The review and PDF page 2: a date in numbers (a language without "
                    + "CLDR month names)");
        }
        if (key.startsWith("pdf.guide.")) {
            return new Moment(AFTER_QUESTIONS + 3, "PDF page 2 (the parent's page)");
        }
        if (key.startsWith("pdf.")) {
            return new Moment(AFTER_QUESTIONS + 2, "PDF page 1 (the request: English, with the translation beside)");
        }
        if (key.startsWith("another_child.")) {
            return new Moment(AFTER_QUESTIONS + 4, "Chat: after a form, \"Another child?\"");
        }
        if (key.startsWith("done.")) {
            return new Moment(AFTER_QUESTIONS + 5, "Chat: the last message");
        }
        if (key.startsWith("command.")) {
            return new Moment(AFTER_QUESTIONS + 7, "Telegram's command menu (the / button)");
        }
        return new Moment(AFTER_QUESTIONS + 6, anyTime(key));
    }

    // A step's own keys ("child_birth_date.prompt"), and the keys that belong to one question though named
    // otherwise: the options' About texts and the problems with a typed date, phone, e-mail, state or ZIP.
    private static StepId stepOf(String key) {
        if (key.startsWith("explain.") || key.startsWith("request.about.")) {
            return MiicInterview.REQUEST;
        }
        if (key.startsWith("invalid.date.")) {
            return MiicInterview.CHILD_BIRTH_DATE;
        }
        if (INVALID.containsKey(key)) {
            return INVALID.get(key);
        }
        for (StepId step : ORDER) {
            if (key.startsWith(step.key() + ".")) {
                return step;
            }
        }
        return null;
    }

    /** A question's moment: its prompt and buttons ({@code after} 0), then its About texts (1), its problems (2). */
    private static Moment question(StepId step, Map<String, String> english, int after, String what) {
        String title = english.getOrDefault(step.key() + ".title", step.key());
        String prompt = english.getOrDefault(step.key() + ".prompt", "").replace('\n', ' ');
        if (prompt.length() > PROMPT_SHOWN) {
            prompt = prompt.substring(0, PROMPT_SHOWN).strip() + " …";
        }
        return new Moment(10 * (1 + ORDER.indexOf(step)) + after, "Chat: " + what + "the question \"" + title + "\""
                + (prompt.isEmpty() ? "" : ": " + prompt));
    }

    private static String anyTime(String key) {
        String command = key.split("\\.")[0];
        return switch (command) {
            case "help", "why", "status", "back", "cancel", "forget", "restart" ->
                    "Chat: any time, after /" + (command.equals("restart") ? "start" : command);
            case "console" -> "The terminal version only (not Telegram)";
            case "resume" -> "Chat: when the parent comes back to an unfinished chat";
            case "group" -> "Chat: when the bot is added to a group";
            case "error" -> "Chat: when something went wrong on the bot's side";
            case "stale" -> "Chat: after a tap on a button of a question already passed";
            case "unsupported" -> "Chat: after a sticker, photo or file instead of an answer";
            default -> "Chat: any time (" + key + ")";
        };
    }
}
