package miicbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import org.junit.jupiter.api.Test;

/**
 * The engine runs an interview it has never heard of: three questions about pets, a card per pet, no MIIC type.
 * Only the engine's own texts come from the bundled catalogues; the questions' texts are the test's.
 */
class ToyInterviewTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final StepId WHO = StepId.of("WHO");
    private static final StepId PET = StepId.of("PET");
    private static final StepId SHOTS = StepId.of("SHOTS");

    /** The toy's form: one card per pet. */
    record Card(String pet, boolean shots) implements Form {
        @Override
        public String subject() {
            return pet;
        }
    }

    private static final Interview PETS = Interview.builder()
            .once(Step.choice(WHO, "owner", "sitter"))
            .perChild(Step.text(PET, (text, today) -> text.isBlank() ? new Parsed.Problem("pet.invalid")
                            : new Parsed.Ok(text.strip())),
                    Step.yesNo(SHOTS).onlyIf(WHO, "owner"))
            .childNamedBy(PET)
            .makesForm("Pet-card", (answers, language, today) -> new Card(answers.get(PET), "yes".equals(answers.get(SHOTS))))
            .sentBy(catalogue -> List.of("Bring the cards to the front desk."))
            .build();

    private static final Map<String, String> TOY_TEXTS = Map.ofEntries(
            Map.entry("who.prompt", "Whose pet is it?"), Map.entry("who.title", "You are"),
            Map.entry("who.choice.owner", "Mine"), Map.entry("who.choice.sitter", "I look after it"),
            Map.entry("pet.prompt", "What is the pet's name?"), Map.entry("pet.title", "Pet"),
            Map.entry("pet.invalid", "Please type a name."),
            Map.entry("shots.prompt", "Has {child} had its shots?"), Map.entry("shots.title", "Shots"));

    private final Engine engine = new Engine(PETS, catalogues(TOY_TEXTS), new Engine.Settings(30, false, Engine.Screen.CHAT));
    private Conversation c = Conversation.start(Language.EN);
    private final List<Reply> replies = new ArrayList<>();

    @Test
    void anOwnerIsAskedAllThreeAndGetsACardPerPet() {
        type("hi");
        assertTrue(lastAsk().options().stream().anyMatch(o -> o.label().equals("Mine")), "the welcome asks WHO");
        tap("owner");
        assertEquals("What is the pet's name?", lastAsk().text());
        type(" ");
        assertTrue(said().contains("Please type a name."), said());
        type("Rex");
        assertEquals("Has Rex had its shots?", lastAsk().text());
        tap("yes");
        assertEquals(Stage.REVIEW, c.stage());
        assertTrue(lastAsk().text().contains("Pet: Rex") && lastAsk().text().contains("Shots: "), lastAsk().text());
        tap("confirm");
        type("Tom");
        assertEquals(Place.question(SHOTS), c.place(), "a second pet starts its block from the name typed");
        type("no");
        tap("confirm");
        tap("finish");
        assertEquals(List.of(new Card("Rex", true), new Card("Tom", false)),
                forms().stream().map(Reply.SendForm::request).toList());
        assertEquals("Pet-card-Rex.pdf", forms().get(0).fileName());
        assertEquals(Stage.DONE, c.stage());
        assertTrue(said().contains("the front desk"), said());
    }

    @Test
    void aSitterIsNotAskedAboutShots() {
        type("hi");
        tap("sitter");
        type("Bella");
        assertEquals(Stage.REVIEW, c.stage());
        tap("confirm");
        assertEquals(new Card("Bella", false), forms().get(0).request());
    }

    @Test
    void aCatalogueWithoutAQuestionsTextStopsTheStartNamingTheKey() {
        Map<String, String> lacking = new HashMap<>(TOY_TEXTS);
        lacking.remove("shots.prompt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Engine(PETS, catalogues(lacking), new Engine.Settings(30, false, Engine.Screen.CHAT)));
        assertEquals("en catalogue lacks [shots.prompt]", e.getMessage());
    }

    private static Map<Language, Catalogue> catalogues(Map<String, String> toy) {
        Map<Language, Catalogue> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Catalogue bundled = Catalogue.load(language, null);
            Map<String, String> texts = new HashMap<>();
            bundled.keys().forEach(key -> texts.put(key, bundled.text(key)));
            texts.putAll(toy);
            all.put(language, new Catalogue(language, texts));
        }
        return all;
    }

    private void send(Event event) {
        Outcome outcome = engine.next(c, event, TODAY);
        c = outcome.conversation();
        replies.addAll(outcome.replies());
    }

    private void type(String text) {
        send(Event.ofTyped(text));
    }

    private void tap(String code) {
        send(new Event.Tap(c.ask(), code));
    }

    private Reply.Ask lastAsk() {
        for (int i = replies.size() - 1; i >= 0; i--) {
            if (replies.get(i) instanceof Reply.Ask ask) {
                return ask;
            }
        }
        throw new AssertionError("no question asked");
    }

    private String said() {
        return replies.stream().map(r -> r instanceof Reply.Say s ? s.text() : r instanceof Reply.Ask a ? a.text() : "")
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private List<Reply.SendForm> forms() {
        return replies.stream().filter(r -> r instanceof Reply.SendForm).map(r -> (Reply.SendForm) r).toList();
    }
}
