package miicbot.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import miicbot.chat.ConversationStore.DailyCount;
import miicbot.i18n.Language;
import miicbot.interview.RequestOption;
import org.junit.jupiter.api.Test;

class StatsReportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void countsTheLast30DaysByOptionLanguageAndDay() {
        List<DailyCount> counts = List.of(
                new DailyCount(LocalDate.of(2026, 10, 31), RequestOption.OPT_OUT, Language.EN, 9), // 31 days ago
                new DailyCount(LocalDate.of(2026, 11, 1), RequestOption.OPT_OUT, Language.EN, 2),
                new DailyCount(LocalDate.of(2026, 11, 1), RequestOption.LOCK, Language.ES, 1),
                new DailyCount(TODAY, RequestOption.OPT_OUT, Language.ES, 3));
        assertEquals("""
                Forms, 2026-11-01 to 2026-11-30 (a form asking for two things counts for each)

                By option:
                  opt_out: 5
                  lock: 1

                By language:
                  en: 2
                  es: 4

                By day:
                  2026-11-01: 3
                  2026-11-30: 3""", StatsReport.of(counts, TODAY));
    }

    @Test
    void saysSoWhenThereAreNone() {
        assertEquals("Forms, 2026-11-01 to 2026-11-30 (a form asking for two things counts for each)\n"
                + "None in these 30 days.", StatsReport.of(List.of(), TODAY));
    }
}
