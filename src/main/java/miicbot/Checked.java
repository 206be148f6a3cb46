package miicbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.Submission;

/**
 * Everything checked before anything starts: the settings, the command line's output folder, the catalogues and
 * the submission data. Each problem is one line naming the setting or file; all are listed at once (exit 2).
 *
 * @param problems   empty when the bot may start; the other fields are then all set
 * @param telegram   Telegram mode (a token and no "console" word)
 */
record Checked(List<String> problems, Config config, ProductionConfig production,
               Map<Language, Catalogue> catalogues, Submission submission, boolean telegram) {

    static Checked of(CommandLine line, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Config config = null;
        ProductionConfig production = null;
        try {
            config = Config.fromEnv(env);
        } catch (Config.Problems e) {
            problems.addAll(e.lines());
        }
        try {
            production = ProductionConfig.fromEnv(env);
        } catch (Config.Problems e) {
            problems.addAll(e.lines());
        }
        boolean telegram = !env.getOrDefault("TELEGRAM_BOT_TOKEN", "").isBlank()
                && line.command() != CommandLine.Command.CONSOLE;
        if (!telegram) {
            problems.addAll(outDirProblems(line.outDir()));
        }
        Map<Language, Catalogue> catalogues = null;
        try {
            catalogues = Catalogue.loadAll(config != null ? config.messagesDir() : messagesDir(env));
        } catch (RuntimeException e) {
            problems.add(oneLine(e));
        }
        Submission submission = null;
        try {
            submission = Submission.load();
        } catch (RuntimeException e) {
            problems.add(oneLine(e));
        }
        return new Checked(List.copyOf(problems), config, production, catalogues, submission, telegram);
    }

    /** MESSAGES_DIR when it names a folder, so its catalogues are checked even when another setting is bad. */
    private static Path messagesDir(Map<String, String> env) {
        String dir = env.getOrDefault("MESSAGES_DIR", "").strip();
        return !dir.isEmpty() && Files.isDirectory(Path.of(dir)) ? Path.of(dir) : null;
    }

    /**
     * The console's --out folder must be a folder we can write: checked by making it and a file in it, as the
     * permission bits alone do not say (root may write anywhere but a read-only file system).
     */
    static List<String> outDirProblems(Path out) {
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return List.of("--out " + out + " cannot be a folder: " + existing + " is a file");
        }
        try {
            Files.createDirectories(out);
            Files.delete(Files.createTempFile(out, ".write-check", ".tmp"));
            // Leave no empty folder behind: it is made again when the first form is written.
            for (Path made = out.toAbsolutePath(); !made.equals(existing); made = made.getParent()) {
                Files.delete(made);
            }
            return List.of();
        } catch (IOException | SecurityException e) {
            return List.of("--out " + out + " cannot be written (" + e.getClass().getSimpleName()
                    + "); choose another folder");
        }
    }

    /** The first line of an exception's message and of its cause's, e.g. Jackson's reason for bad JSON. */
    static String oneLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage().lines().findFirst()
                .orElse(""))) {
            message += ": " + cause.getMessage().lines().findFirst().orElse("").strip();
        }
        return message;
    }
}
