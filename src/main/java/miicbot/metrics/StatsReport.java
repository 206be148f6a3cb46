package miicbot.metrics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import miicbot.chat.ConversationStore.DailyCount;
import miicbot.i18n.Language;
import miicbot.interview.RequestOption;

/**
 * The text of /stats for the operators in ADMIN_CHAT_IDS: forms per day, option and language over the last 30
 * days, from the store's anonymous counters. Operator text, in English only: parents never see it.
 */
public final class StatsReport {
    /** How many days /stats covers, today included. */
    public static final int DAYS = 30;

    private StatsReport() {
    }

    /** The report for the 30 days up to {@code today}. */
    public static String of(List<DailyCount> counts, LocalDate today) {
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<LocalDate, Long> byDay = new TreeMap<>();
        Map<RequestOption, Long> byOption = new EnumMap<>(RequestOption.class);
        Map<Language, Long> byLanguage = new EnumMap<>(Language.class);
        for (DailyCount c : counts) {
            if (c.day().isBefore(first) || c.day().isAfter(today)) {
                continue;
            }
            byDay.merge(c.day(), c.count(), Long::sum);
            byOption.merge(c.option(), c.count(), Long::sum);
            byLanguage.merge(c.language(), c.count(), Long::sum);
        }
        StringBuilder text = new StringBuilder("Forms, " + first + " to " + today
                + " (a form asking for two things counts for each)\n");
        if (byDay.isEmpty()) {
            return text.append("None in these 30 days.").toString();
        }
        text.append("\nBy option:\n");
        byOption.forEach((option, n) -> text.append("  ").append(option.name().toLowerCase(Locale.ROOT)).append(": ").append(n)
                .append('\n'));
        text.append("\nBy language:\n");
        byLanguage.forEach((language, n) -> text.append("  ").append(language.code()).append(": ").append(n)
                .append('\n'));
        text.append("\nBy day:\n");
        byDay.forEach((day, n) -> text.append("  ").append(day).append(": ").append(n).append('\n'));
        return text.toString().strip();
    }
}
