package miicbot.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;

/**
 * One interview as data, all the engine needs to run it: the questions asked once, the block asked for each child,
 * the question whose answer names a child, how a child's answers become a {@link Form}, and where the parent sends
 * it. Built once by {@link #builder()}, which checks the table ({@link StepTable}) so that a mistake stops the
 * start and names the step; {@link #missingKeys} checks a catalogue has every text the questions use.
 */
public final class Interview {

    /** How one child's answers become the form, in the parent's language, prepared on {@code today}. */
    @FunctionalInterface
    public interface FormMaker {
        Form make(Map<StepId, String> answers, Language language, LocalDate today);
    }

    /**
     * A form's answers as text to copy into another form, in {@code words} (the parent's catalogue); the catalogue
     * of another language is at hand for a form asked in that one.
     */
    @FunctionalInterface
    public interface CopyMaker {
        Reply.Copyable make(Form form, Catalogue words, Function<Language, Catalogue> catalogues);
    }

    private final StepTable table;
    private final StepId firstChildStep;
    private final StepId childName;
    private final FormMaker forms;
    private final String filePrefix;
    private final Function<Catalogue, List<String>> routes;
    private final CopyMaker copies;

    private Interview(Builder b) {
        List<Step> all = new ArrayList<>(b.once);
        for (Step step : b.perChild) {
            all.add(step.forEachChild());
        }
        if (b.once.isEmpty() || b.perChild.isEmpty()) {
            throw new IllegalStateException("an interview needs questions asked once and a block for each child");
        }
        this.table = new StepTable(all);
        this.firstChildStep = b.perChild.get(0).id();
        this.childName = Objects.requireNonNull(b.childName, "childNamedBy: which answer names the child");
        if (!table.step(childName).perChild()) {
            throw new IllegalStateException("childNamedBy " + childName + ": not a question of the child's block");
        }
        this.forms = Objects.requireNonNull(b.forms, "makesForm: how answers become the form");
        this.filePrefix = b.filePrefix;
        this.routes = Objects.requireNonNull(b.routes, "sentBy: where the parent sends the form");
        this.copies = b.copies;
    }

    /** A builder: {@code once(...)}, {@code perChild(...)}, {@code childNamedBy}, {@code makesForm}, {@code sentBy}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every question, in the order asked: the ones asked once, then the child's block. */
    public List<Step> steps() {
        return table.steps();
    }

    /** The question with this id. */
    public Step step(StepId id) {
        return table.step(id);
    }

    /** The first question, answered from the welcome's buttons. */
    public Step first() {
        return table.steps().get(0);
    }

    /** The first question of the child's block: a sibling's first name answers it. */
    public StepId firstChildStep() {
        return firstChildStep;
    }

    /** The question whose answer names a child in prompts ({@code {child}}) and in the review heading. */
    public StepId childName() {
        return childName;
    }

    /** The form one child's answers make. */
    public Form form(Map<StepId, String> answers, Language language, LocalDate today) {
        return forms.make(answers, language, today);
    }

    /** The start of a form's file name, such as {@code MIIC-request}: the file is {@code <prefix>-<subject>.pdf}. */
    public String filePrefix() {
        return filePrefix;
    }

    /** Where to send the forms, worded in {@code catalogue}'s language: messages said after the done message. */
    public List<String> routes(Catalogue catalogue) {
        return routes.apply(catalogue);
    }

    /** The copy-ready block sent with a form, when the interview makes one. */
    public Optional<Reply.Copyable> copyable(Form form, Catalogue words, Function<Language, Catalogue> catalogues) {
        return copies == null ? Optional.empty() : Optional.of(copies.make(form, words, catalogues));
    }

    /** The message keys the questions use that {@code catalogue} lacks, sorted; empty when it has them all. */
    public List<String> missingKeys(Catalogue catalogue) {
        TreeSet<String> missing = new TreeSet<>();
        for (Step step : steps()) {
            for (String key : keysOf(step)) {
                if (!catalogue.has(key)) {
                    missing.add(key);
                }
            }
        }
        return List.copyOf(missing);
    }

    /** Every message key this step's question, buttons, notes and review line use. */
    private static List<String> keysOf(Step step) {
        String key = step.id().key();
        List<String> keys = new ArrayList<>(List.of(key + ".prompt", key + ".title"));
        for (String code : step.choices()) {
            keys.add(key + ".choice." + code);
            if (step.traits().explained()) {
                keys.add(key + ".about." + code);
                keys.add("explain." + code);
            }
        }
        if (step.traits().help() != null) {
            keys.add(key + "." + step.traits().help());
            keys.add(key + "." + step.traits().help() + ".text");
        }
        if (step.traits().sameAs() != null) {
            keys.add(key + ".same");
        }
        if (step.traits().fromReview()) {
            keys.add("review.add." + key);
        }
        for (Step.Variant variant : step.traits().variants()) {
            keys.add(key + ".prompt." + variant.name());
        }
        for (Step.Note note : step.traits().notes()) {
            keys.add(note.key());
        }
        return keys;
    }

    /** Collects an interview's parts; {@link #build} checks them. */
    public static final class Builder {
        private final List<Step> once = new ArrayList<>();
        private final List<Step> perChild = new ArrayList<>();
        private StepId childName;
        private FormMaker forms;
        private String filePrefix;
        private Function<Catalogue, List<String>> routes;
        private CopyMaker copies;

        private Builder() {
        }

        /** Questions asked once per conversation (about the person asking), in order. */
        public Builder once(Step... steps) {
            once.addAll(List.of(steps));
            return this;
        }

        /** The child's block: asked again for each child, in order; its first question starts a sibling. */
        public Builder perChild(Step... steps) {
            perChild.addAll(List.of(steps));
            return this;
        }

        /** The child-block question whose answer names the child in texts. */
        public Builder childNamedBy(StepId id) {
            childName = id;
            return this;
        }

        /** How a child's answers become the form sent at the review, in a file named {@code <prefix>-<subject>.pdf}. */
        public Builder makesForm(String prefix, FormMaker maker) {
            if (!prefix.matches("[A-Za-z0-9-]{1,20}")) {
                throw new IllegalStateException("makesForm: a file name prefix of ASCII letters, digits and '-': " + prefix);
            }
            filePrefix = prefix;
            forms = maker;
            return this;
        }

        /** Where the parent sends the forms: messages worded by a catalogue, said when the conversation is done. */
        public Builder sentBy(Function<Catalogue, List<String>> where) {
            routes = where;
            return this;
        }

        /** Optional: each form is followed by its answers ready to copy into another form. */
        public Builder copiedAs(CopyMaker maker) {
            copies = maker;
            return this;
        }

        /** The checked interview; throws {@link IllegalStateException} naming the first mistake. */
        public Interview build() {
            return new Interview(this);
        }
    }
}
