package miicbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import miicbot.interview.Submission.Confidence;
import miicbot.interview.Submission.Kind;
import miicbot.interview.Submission.Route;
import org.junit.jupiter.api.Test;

/** The routes in submission.json: each sourced, shown in order of evidence, unconfirmed ones never. */
class SubmissionTest {
    private static final Submission BUNDLED = Submission.load();

    @Test
    void mdhsOnlineFormComesFirstThenTheHelpDeskThenTheProgramsPhoneMailAndFax() {
        List<Route> shown = BUNDLED.shown();
        assertEquals(List.of(Kind.ONLINE_FORM, Kind.EMAIL, Kind.PHONE, Kind.MAIL, Kind.FAX),
                shown.stream().map(Route::kind).toList());
        assertEquals("MIIC Public Inquiry Form", shown.get(0).name());
        assertEquals(Confidence.CONFIRMED, shown.get(0).confidence());
        assertEquals(List.of("health.miichelp@state.mn.us"), shown.get(1).address());
        assertEquals(List.of("651-201-5522", "1-800-657-3970"), shown.get(2).address());
        for (Route programs : shown.subList(2, 5)) {
            assertEquals(Confidence.PROGRAM_CONTACT, programs.confidence());
        }
    }

    @Test
    void everyRouteNamesItsSource() {
        for (Route route : BUNDLED.routes()) {
            assertFalse(route.source().isBlank(), route.name());
        }
        assertTrue(BUNDLED.routes().get(0).source().contains("recordsfaq"));
    }

    @Test
    void theUnconfirmedPoBoxIsKeptButNeverShown() {
        assertTrue(BUNDLED.routes().stream().anyMatch(r -> r.confidence() == Confidence.UNCONFIRMED
                && String.join(" ", r.address()).contains("P.O. Box")));
        assertTrue(BUNDLED.shown().stream().noneMatch(r -> r.confidence() == Confidence.UNCONFIRMED));
        String text = String.join("\n", BUNDLED.describe(SubmissionTest::echo, "done.route.", ", "));
        assertFalse(text.contains("P.O. Box"), text);
    }

    @Test
    void onlyTheRecordsFaqIsCalledChecked() {
        assertEquals(LocalDate.of(2026, 11, 24), BUNDLED.checked().date());
        assertTrue(BUNDLED.checked().what().contains("recordsfaq"));
        assertTrue(BUNDLED.checked().what().contains("not checked"), "says what was not checked");
    }

    @Test
    void routesToAskAboutFirstComeAfterOneAskFirstLine() {
        List<String> lines = BUNDLED.describe(SubmissionTest::echo, "p.", " | ");
        assertEquals(List.of(
                "p.online_form MIIC Public Inquiry Form health.state.mn.us/people/immunize/miic/",
                "p.email MIIC help desk health.miichelp@state.mn.us",
                "p.others",
                "p.phone MDH Immunization Program 651-201-5522 | 1-800-657-3970",
                "p.mail MDH Immunization Program Minnesota Department of Health | Immunization Program / MIIC"
                        + " | 625 N Robert St | St. Paul, MN 55155",
                "p.fax MDH Immunization Program 651-201-5501"), lines);
    }

    @Test
    void theRoutesSplitIntoMdhsOwnAndTheOnesToAskAboutFirst() {
        List<String> mdh = BUNDLED.describe(SubmissionTest::echo, "p.", " | ", false);
        List<String> askFirst = BUNDLED.describe(SubmissionTest::echo, "p.", " | ", true);
        assertEquals(2, mdh.size(), mdh.toString());
        assertEquals("p.others", askFirst.get(0));
        List<String> both = new java.util.ArrayList<>(mdh);
        both.addAll(askFirst);
        assertEquals(BUNDLED.describe(SubmissionTest::echo, "p.", " | "), both);
        Route online = new Route(Kind.ONLINE_FORM, "form", List.of("web"), Confidence.CONFIRMED, "FAQ");
        Submission onlyOnline = new Submission(List.of(online), new Submission.Checked(LocalDate.EPOCH, "FAQ"));
        assertEquals(List.of(), onlyOnline.describe(SubmissionTest::echo, "p.", " | ", true), "no line to ask first");
    }

    @Test
    void theFileOrderDoesNotOutrankTheEvidence() {
        Route fax = new Route(Kind.FAX, "fax", List.of("1"), Confidence.PROGRAM_CONTACT, "manual");
        Route online = new Route(Kind.ONLINE_FORM, "form", List.of("web"), Confidence.CONFIRMED, "FAQ");
        Submission s = new Submission(List.of(fax, online), new Submission.Checked(LocalDate.EPOCH, "FAQ"));
        assertEquals(List.of(online, fax), s.shown());
    }

    @Test
    void aFileWithoutAConfirmedRouteOrASourceIsRefused() {
        Route fax = new Route(Kind.FAX, "fax", List.of("1"), Confidence.PROGRAM_CONTACT, "manual");
        var checked = new Submission.Checked(LocalDate.EPOCH, "FAQ");
        assertThrows(IllegalArgumentException.class, () -> new Submission(List.of(fax), checked));
        assertThrows(IllegalArgumentException.class,
                () -> new Route(Kind.MAIL, "mail", List.of("street"), Confidence.UNCONFIRMED, " "));
    }

    private static String echo(String key, Map<String, ?> args) {
        return args.isEmpty() ? key : key + " " + args.get("name") + " " + args.get("address");
    }
}
