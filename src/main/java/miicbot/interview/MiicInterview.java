package miicbot.interview;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import miicbot.engine.Interview;
import miicbot.engine.Parsed;
import miicbot.engine.Step;
import miicbot.engine.StepId;
import miicbot.i18n.Catalogue;

/**
 * The MIIC privacy interview as a table of questions, in the order they are asked. The parent's questions are
 * asked once; the child's block is asked for each child; a child's answers make a {@link ChildRequest}
 * ({@link FormAnswers}), sent to the routes of {@link Submission}. A question that does not apply is skipped by its
 * {@code onlyIf}, never by a jump. Everything MIIC-specific the engine shows (About buttons, "same as" buttons, the
 * adult note, the help on the clinic) is declared here as a step modifier. The first question (who you are) is
 * answered from the welcome's buttons.
 */
public final class MiicInterview {

    // The questions. A stored conversation names its answers by these names, so a question keeps its name.
    public static final StepId ROLE = StepId.of("ROLE");
    public static final StepId SIGNER = StepId.of("SIGNER");
    public static final StepId PARENT_NAME = StepId.of("PARENT_NAME");
    public static final StepId PARENT_PHONE = StepId.of("PARENT_PHONE");
    public static final StepId ADDRESS = StepId.of("ADDRESS");
    public static final StepId STREET = StepId.of("STREET");
    public static final StepId CITY = StepId.of("CITY");
    public static final StepId STATE = StepId.of("STATE");
    public static final StepId ZIP = StepId.of("ZIP");
    public static final StepId PARENT_EMAIL = StepId.of("PARENT_EMAIL");
    public static final StepId CHILD_FIRST = StepId.of("CHILD_FIRST");
    public static final StepId CHILD_LAST = StepId.of("CHILD_LAST");
    public static final StepId CHILD_BIRTH_DATE = StepId.of("CHILD_BIRTH_DATE");
    public static final StepId CHILD_SEX = StepId.of("CHILD_SEX");
    public static final StepId CHILD_OTHER_NAMES = StepId.of("CHILD_OTHER_NAMES");
    public static final StepId OTHER_PARENT = StepId.of("OTHER_PARENT");
    public static final StepId REQUEST = StepId.of("REQUEST");
    public static final StepId CLINIC = StepId.of("CLINIC");
    public static final StepId CLINIC_CITY = StepId.of("CLINIC_CITY");
    public static final StepId ALSO_DECLINE = StepId.of("ALSO_DECLINE");
    public static final StepId UNDO_WHAT = StepId.of("UNDO_WHAT");

    /** Codes of the ROLE choice. */
    public static final String PARENT = "parent";
    public static final String GUARDIAN = "guardian";
    public static final String SELF = "self";
    public static final String HELPER = "helper";

    /** Codes of the REQUEST choice, in MDH's order (MDH, "Data Privacy and MIIC Records"). */
    public static final String DECLINE = "decline_reminders";
    public static final String LOCK = "lock";
    public static final String OPT_OUT = "opt_out";
    public static final String UNDO = "undo";

    // Minnesota's age of majority: a person this old usually signs their own request (the usual practice; no MIIC source states the rule).
    private static final int ADULT_AGE = 18;

    /** The interview, sending to the routes {@code submission} names. */
    public static Interview interview(Submission submission) {
        return Interview.builder()
                .once(Step.choice(ROLE, PARENT, GUARDIAN, SELF, HELPER)
                                .noting("role.helper_note", (answers, today) -> HELPER.equals(answers.get(ROLE))),
                        Step.choice(SIGNER, PARENT, GUARDIAN).onlyIf(ROLE, HELPER),
                        Step.text(PARENT_NAME, Parsers::personName).wordedAs(HELPER, ROLE, HELPER).unless(ROLE, SELF),
                        Step.text(PARENT_PHONE, Parsers::phone).sharingContact().wordedAs(HELPER, ROLE, HELPER),
                        Step.text(ADDRESS, MiicInterview::address).shownAs(MiicInterview::addressLine)
                                .wordedAs(HELPER, ROLE, HELPER),
                        Step.text(STREET, Parsers::street).partOf(ADDRESS),
                        Step.text(CITY, Parsers::personName).partOf(ADDRESS),
                        Step.text(STATE, Parsers::state).partOf(ADDRESS),
                        Step.text(ZIP, Parsers::zip).partOf(ADDRESS),
                        Step.text(PARENT_EMAIL, Parsers::email).addedFromReview())
                .perChild(Step.text(CHILD_FIRST, Parsers::personName).wordedAs(SELF, ROLE, SELF),
                        Step.text(CHILD_LAST, MiicInterview::lastName).sameAsEarlierChild().wordedAs(SELF, ROLE, SELF),
                        Step.date(CHILD_BIRTH_DATE, Parsers::birthDate).wordedAs(SELF, ROLE, SELF)
                                .noting("child_birth_date.adult", MiicInterview::adultChild)
                                .noting("child_birth_date.self_minor", MiicInterview::minorOwnRecord),
                        Step.choice(CHILD_SEX, "female", "male", "x").skippable().wordedAs(SELF, ROLE, SELF),
                        Step.text(CHILD_OTHER_NAMES, Parsers::otherNames).addedFromReview(),
                        // Many MIIC records start from birth records: the other parent's name there helps MDH find it.
                        Step.text(OTHER_PARENT, Parsers::personName).addedFromReview(),
                        Step.choice(REQUEST, DECLINE, LOCK, OPT_OUT, UNDO).explained()
                                .sameAsEarlierChild(CLINIC, CLINIC_CITY, ALSO_DECLINE, UNDO_WHAT)
                                .wordedAs(SELF, ROLE, SELF)
                                // What changes, said before the review so a parent who skipped About reads it too.
                                .noting("request.note.lock", (answers, today) -> LOCK.equals(answers.get(REQUEST)))
                                .noting("request.note.opt_out", (answers, today) -> OPT_OUT.equals(answers.get(REQUEST))),
                        Step.text(CLINIC, MiicInterview::clinic).notPersonal().helpedBy("not_sure")
                                .shownAs(MiicInterview::clinicLine).onlyIf(REQUEST, LOCK),
                        Step.text(CLINIC_CITY, Parsers::personName).notPersonal().partOf(CLINIC)
                                .onlyIf(REQUEST, LOCK),
                        Step.yesNo(ALSO_DECLINE).wordedAs(SELF, ROLE, SELF).onlyIf(REQUEST, LOCK),
                        Step.choice(UNDO_WHAT, "opt_back_in", "unlock", "resume_reminders").onlyIf(REQUEST, UNDO))
                .childNamedBy(CHILD_FIRST)
                .makesForm("MIIC-request", FormAnswers::request)
                .sentBy(catalogue -> sending(submission, catalogue))
                .copiedAs(CopyReady::copyable)
                .build();
    }

    private MiicInterview() {
    }

    /** Where to send the forms, in short messages: MDH's own ways, then the other ways to ask about first. */
    private static List<String> sending(Submission submission, Catalogue catalogue) {
        List<String> said = new ArrayList<>();
        List<String> mdhs = submission.describe(catalogue::text, "done.route.", ", ", false);
        said.add(catalogue.text("done.send", Map.of("routes", String.join("\n", mdhs))));
        List<String> others = submission.describe(catalogue::text, "done.route.", ", ", true);
        if (!others.isEmpty()) {
            said.add(String.join("\n", others));
        }
        return said;
    }

    /** A mailing address typed in one message; a part not found is left out, to be asked on its own. */
    static Parsed address(String text, LocalDate today) {
        Parsed line = Parsers.line(text, today);
        if (line instanceof Parsed.Problem) {
            return line;
        }
        String typed = ((Parsed.Ok) line).value();
        if (typed.codePoints().noneMatch(Character::isDigit)) {
            return new Parsed.Problem("address.invalid.no_number"); // e.g. a name typed here by mistake
        }
        List<AddressReader.Address> readings = AddressReader.readings(typed);
        AddressReader.Address read = readings.get(0);
        if (readings.size() == 2 && !read.city().equals(readings.get(1).city())) {
            // Two places the street may end: ask which city was meant (the street takes the other words).
            String other = readings.get(1).city();
            return new Parsed.Choose("address.which_city", Map.of("first", read.city(), "second", other),
                    readings.stream().map(r -> new Parsed.Reading(r.city(), typed, addressParts(r))).toList());
        }
        if (read.foreign()) {
            return new Parsed.Problem("address.invalid.foreign");
        }
        if (read.street().isEmpty() && read.city().isEmpty()) {
            return new Parsed.Problem(read.zip().isEmpty() ? "address.invalid.unreadable" : "address.invalid.zip_only");
        }
        return new Parsed.Ok(typed, addressParts(read));
    }

    private static Map<StepId, String> addressParts(AddressReader.Address read) {
        Map<StepId, String> parts = new HashMap<>();
        putIfFound(parts, STREET, read.street());
        putIfFound(parts, CITY, read.city());
        putIfFound(parts, STATE, read.state());
        putIfFound(parts, ZIP, read.zip());
        return parts;
    }

    /** A clinic and its city in one message: "Mankato Family Clinic, Mankato"; without a comma the city is asked. */
    static Parsed clinic(String text, LocalDate today) {
        Parsed line = Parsers.line(text, today);
        if (!(line instanceof Parsed.Ok ok)) {
            return line;
        }
        int comma = ok.value().lastIndexOf(',');
        if (comma <= 0) {
            return new Parsed.Ok(ok.value());
        }
        String city = ok.value().substring(comma + 1).strip();
        String name = ok.value().substring(0, comma).strip();
        Parsed cityRead = Parsers.personName(city, today);
        if (!(cityRead instanceof Parsed.Ok cityOk)) {
            return new Parsed.Ok(ok.value()); // "Clinic, Suite 4": the whole line is the name; the city is asked
        }
        return new Parsed.Ok(name, Map.of(CLINIC_CITY, cityOk.value()));
    }

    /** A last name; one letter is possible but often a slip, so the parent is asked to confirm it. */
    static Parsed lastName(String text, LocalDate today) {
        Parsed name = Parsers.personName(text, today);
        if (name instanceof Parsed.Ok ok && ok.value().codePointCount(0, ok.value().length()) == 1) {
            return new Parsed.Unsure(ok.value(), "child_last.unsure");
        }
        return name;
    }

    private static void putIfFound(Map<StepId, String> parts, StepId id, String value) {
        if (value != null && !value.isBlank()) {
            parts.put(id, value);
        }
    }

    static String addressLine(Map<StepId, String> a) {
        return a.getOrDefault(STREET, "") + ", " + a.getOrDefault(CITY, "") + ", " + a.getOrDefault(STATE, "") + " "
                + a.getOrDefault(ZIP, "");
    }

    static String clinicLine(Map<StepId, String> a) {
        return a.getOrDefault(CLINIC, "") + ", " + a.getOrDefault(CLINIC_CITY, "");
    }

    /** "My own record" for someone under 18: a parent or legal guardian usually signs instead. */
    static boolean minorOwnRecord(Map<StepId, String> answers, LocalDate today) {
        return SELF.equals(answers.get(ROLE)) && answers.get(CHILD_BIRTH_DATE) != null
                && Period.between(LocalDate.parse(answers.get(CHILD_BIRTH_DATE)), today).getYears() < ADULT_AGE;
    }

    /** Someone else's record (not the person's own) where the person is 18 or older: they usually sign it. */
    static boolean adultChild(Map<StepId, String> answers, LocalDate today) {
        return !SELF.equals(answers.get(ROLE)) && answers.get(CHILD_BIRTH_DATE) != null
                && Period.between(LocalDate.parse(answers.get(CHILD_BIRTH_DATE)), today).getYears() >= ADULT_AGE;
    }
}
