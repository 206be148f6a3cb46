package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Page 2 lists the ways to send in order of evidence, and asks for a record copy first when it matters. */
class GuideRoutesTest {
    private static final RequestForm FORM = Pdfs.form();

    @ParameterizedTest
    @EnumSource(Language.class)
    void pageTwoListsMdhsOnlineFormFirstAndMailAndFaxAsAskFirstRoutes(Language language) {
        String page = pageTwo(language, Set.of(RequestOption.OPT_OUT));
        String askFirst = flat(Catalogue.load(language, null).text("pdf.guide.route.others"));
        int online = page.indexOf("MIIC Public Inquiry Form");
        int email = page.indexOf("health.miichelp@state.mn.us");
        int others = page.indexOf(askFirst);
        int mail = page.indexOf("625 N Robert St");
        int fax = page.indexOf("651-201-5501");
        assertTrue(online > 0, page);
        assertTrue(online < email && email < others && others < mail && mail < fax, page);
        assertTrue(page.contains("health.state.mn.us/people/immunize/miic/"), "says where to find the online form");
        assertFalse(page.contains("P.O. Box"), "the P.O. box is seen in no source");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aLockOrOptOutAsksForARecordCopyBeforeSending(Language language) {
        String copy = flat(Catalogue.load(language, null).text("pdf.guide.record_copy"));
        String send = flat(Catalogue.load(language, null).text("pdf.guide.send"));
        for (RequestOption option : Set.of(RequestOption.OPT_OUT, RequestOption.LOCK)) {
            String page = pageTwo(language, Set.of(option));
            assertTrue(page.contains("MIIC record request"), page);
            assertTrue(page.indexOf(copy.substring(0, 30)) < page.indexOf(send.substring(0, 20)), page);
        }
        assertFalse(pageTwo(language, Set.of(RequestOption.DECLINE_REMINDERS)).contains("MIIC record request"),
                "declining reminders keeps the record visible: no copy needed");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pageTwoSaysWhatWasCheckedAndWhen(Language language) {
        String page = pageTwo(language, Set.of(RequestOption.DECLINE_REMINDERS));
        String what = switch (language) {
            case EN -> "MIIC records FAQ";
            case ES -> "preguntas frecuentes de MDH sobre los registros de MIIC";
            default -> flat(Catalogue.load(language, null).text("pdf.guide.check")).substring(0, 20);
        };
        assertTrue(page.contains(what), page);
        assertTrue(page.contains("2026"), page);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pageOneSaysItIsNotMdhsOwnForm(Language language) {
        String page = flat(Pdfs.pageText(FORM.render(Pdfs.request(language, Set.of(RequestOption.OPT_OUT), null)), 1));
        assertTrue(page.contains("Not an MDH form"), page);
        assertEquals(1, page.split("Not an MDH form", -1).length - 1);
    }

    private static String pageTwo(Language language, Set<RequestOption> options) {
        ChildRequest.Clinic clinic = options.contains(RequestOption.LOCK)
                ? new ChildRequest.Clinic("Mankato Family Clinic", "Mankato") : null;
        return flat(Pdfs.pageText(FORM.render(Pdfs.request(language, options, clinic)), 2));
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
