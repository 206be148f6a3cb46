package miicbot.interview;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import miicbot.engine.Form;
import miicbot.engine.Reply;
import miicbot.i18n.Catalogue;
import miicbot.i18n.Language;

/**
 * One child's answers as MDH's online MIIC Public Inquiry Form may ask for them, one per line in the order a web form
 * usually asks (the child, then the person asking, then the request), and the answers a parent would otherwise
 * retype, to copy one by one. The form's own fields are published nowhere we know of, so the words say "the answers
 * it may ask for", never "its fields". Choices are in the parent's language with MDH's English after them, since the
 * form is in English.
 *
 * @param text   the whole block, every answer in full
 * @param copies the answers to copy, each with its button's label; only those given
 */
public record CopyReady(String text, List<Copy> copies) {

    /** One answer to copy: the button's label and the text it copies (whole; an adapter shortens it if it must). */
    public record Copy(String label, String text) { }

    /** A US date, as an American web form reads it. */
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT);

    /** The block of a MIIC form for the engine: MDH's online form is in English. */
    static Reply.Copyable copyable(Form form, Catalogue words, Function<Language, Catalogue> catalogues) {
        CopyReady copy = of(ChildRequest.of(form), words, catalogues.apply(Language.EN));
        return new Reply.Copyable(copy.text(),
                copy.copies().stream().map(c -> new Reply.Copy(c.label(), c.text())).toList());
    }

    public static CopyReady of(ChildRequest request, Catalogue words, Catalogue english) {
        ChildRequest.Child child = request.child();
        ChildRequest.Guardian person = request.guardian();
        ChildRequest.Address address = person.address();
        List<String> lines = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        Line line = (key, value, copyLabel) -> {
            if (value.isBlank()) {
                return;
            }
            lines.add(words.text(key) + ": " + value);
            if (copyLabel != null) {
                copies.add(new Copy(words.text(copyLabel), value));
            }
        };
        line.add("child_first.title", child.givenNames(), "child_first.title");
        line.add("child_last.title", child.lastNames(), "child_last.title");
        line.add("child_other_names.title", child.otherNames(), null);
        line.add("copy.birth_date", child.birthDate().format(US_DATE), "child_birth_date.title");
        if (child.sex() != null) {
            line.add("child_sex.title", both(words, english, "child_sex.choice." + lower(child.sex())), null);
        }
        line.add("parent_name.title", person.fullName(), "parent_name.title");
        // As on page 1 of the PDF: a person 18 or older asking about their own record is "Self".
        Relationship relationship = request.adult() ? Relationship.SELF : person.relationship();
        line.add("copy.relationship", both(words, english, "relationship.choice." + lower(relationship)), null);
        line.add("parent_phone.title", person.phone(), "parent_phone.title");
        String oneLine = address.street() + ", " + address.city() + ", " + address.state() + " " + address.zip();
        line.add("address.title", oneLine, null);
        copies.add(new Copy(words.text("street.title"), address.street()));
        copies.add(new Copy(words.text("city.title"), address.city()));
        copies.add(new Copy(words.text("zip.title"), address.zip()));
        line.add("parent_email.title", person.email(), "parent_email.title");
        List<String> asked = request.options().stream().sorted(Comparator.naturalOrder())
                .map(option -> both(words, english, "pdf." + option.key())).toList();
        line.add("request.title", String.join("; ", asked), null);
        if (request.clinic() != null) {
            line.add("clinic.title", request.clinic().name() + ", " + request.clinic().city(), "clinic.title");
        }
        String intro = words.text("copy.intro", Map.of("child", child.fullName()));
        return new CopyReady(intro + "\n\n" + String.join("\n", lines), copies);
    }

    /** A choice in the parent's words, with MDH's English after it when the parent's language is another. */
    private static String both(Catalogue words, Catalogue english, String key) {
        String theirs = words.text(key);
        String mdh = english.text(key);
        return theirs.equals(mdh) ? theirs : words.text("copy.in_english", Map.of("text", theirs, "english", mdh));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface Line {
        void add(String labelKey, String value, String copyLabelKey);
    }
}
