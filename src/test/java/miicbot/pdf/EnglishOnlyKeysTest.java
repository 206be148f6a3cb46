package miicbot.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import miicbot.i18n.Catalogue;
import miicbot.i18n.EnglishOnly;
import miicbot.i18n.Language;
import miicbot.interview.ChildRequest;
import miicbot.interview.RequestOption;
import miicbot.interview.Submission;
import org.junit.jupiter.api.Test;

/**
 * The keys {@link EnglishOnly} names are never shown translated on page 1: each Spanish text is replaced by a
 * marker naming its key, every option is rendered for a parent and for an adult, and no English-only key's marker
 * is on the page, while the translated labels' markers are (so the check can see a translation when there is one).
 */
class EnglishOnlyKeysTest {
    @Test
    void pageOneNeverShowsATranslationOfAnEnglishOnlyKey() {
        Map<Language, Catalogue> catalogues = Pdfs.catalogues();
        Catalogue spanish = catalogues.get(Language.ES);
        Map<String, String> markers = new HashMap<>();
        List<String> keys = new ArrayList<>(spanish.keys());
        for (int i = 0; i < keys.size(); i++) {
            markers.put(keys.get(i), "QK" + i + "KQ");
        }
        catalogues.put(Language.ES, new Catalogue(Language.ES, markers));
        RequestForm form = new RequestForm(catalogues, Submission.load());

        StringBuilder pages = new StringBuilder();
        ChildRequest.Clinic clinic = new ChildRequest.Clinic("Mankato Family Clinic", "Mankato");
        for (RequestOption option : RequestOption.values()) {
            ChildRequest r = Pdfs.request(Language.ES, EnumSet.of(option), option == RequestOption.LOCK ? clinic : null);
            pages.append(Pdfs.pageText(form.render(r), 1));
            pages.append(Pdfs.pageText(form.render(r.toBuilder().child("Sam", "Lee").otherNames("")
                    .birthDate(Pdfs.PREPARED.minusYears(18)).sex(null).build()), 1));
        }
        String text = pages.toString().replaceAll("\\s+", "");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (EnglishOnly.is(keys.get(i)) && text.contains("QK" + i + "KQ")) {
                shown.add(keys.get(i));
            }
        }
        assertEquals(List.of(), shown, "page 1 shows these translated: not English-only");
        for (String translated : Set.of("pdf.request.section.child", "pdf.field.birth_date", "pdf.sign.date")) {
            assertTrue(text.contains(markers.get(translated)), translated + " is shown translated");
        }
        long englishOnly = keys.stream().filter(EnglishOnly::is).count();
        assertTrue(englishOnly >= 8, "the summary lines, the title, the footer ...: " + englishOnly);
    }
}
