package miicbot.interview;

import java.util.Set;
import java.util.stream.Collectors;
import miicbot.engine.Interview;
import miicbot.engine.Step;
import miicbot.engine.StepId;

/** The MIIC interview as the bot runs it, built once for the tests. */
public final class TestInterview {
    public static final Interview MIIC = MiicInterview.interview(Submission.load());

    private TestInterview() {
    }

    /** Every question's id. */
    public static Set<StepId> allIds() {
        return MIIC.steps().stream().map(Step::id).collect(Collectors.toSet());
    }
}
