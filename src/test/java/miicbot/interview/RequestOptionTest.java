package miicbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The option keys name catalogue entries ("pdf.option.opt_out"), so their spelling is part of the contract. */
class RequestOptionTest {
    @Test
    void eachOptionHasItsOwnLowerCaseKey() {
        assertEquals("option.opt_out", RequestOption.OPT_OUT.key());
        assertEquals("option.decline_reminders", RequestOption.DECLINE_REMINDERS.key());
        assertEquals(RequestOption.values().length,
                Arrays.stream(RequestOption.values()).map(RequestOption::key).distinct().count());
    }
}
