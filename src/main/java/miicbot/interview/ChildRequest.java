package miicbot.interview;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Set;
import miicbot.i18n.Language;

/**
 * One child's finished request, everything the form needs: who asks, for whom, and what.
 * Made by the engine at the review step; read by the form renderer.
 *
 * @param language   the parent's language (explanations page)
 * @param guardian   the contact who makes the request: a parent or guardian, or the person themself
 *                   ({@link Relationship#SELF}); for a person 18 or older it may be either, and the person signs
 * @param child      the person the MIIC record is about
 * @param options    the boxes to check; never empty
 * @param clinic     the clinic to lock the record to; present exactly when {@code options} has LOCK
 * @param prepared   the day the request was prepared
 */
public record ChildRequest(Language language, Guardian guardian, Child child, Set<RequestOption> options,
                           Clinic clinic, LocalDate prepared) {

    public ChildRequest {
        Objects.requireNonNull(language);
        Objects.requireNonNull(guardian);
        Objects.requireNonNull(child);
        Objects.requireNonNull(prepared);
        options = Set.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one option");
        }
        if (options.contains(RequestOption.LOCK) != (clinic != null)) {
            throw new IllegalArgumentException("a clinic is given exactly when the record is locked");
        }
    }

    /** True when the child is 18 or older on the day prepared, and so signs the request themselves. */
    public boolean adult() {
        return child.ageOn(prepared) >= 18;
    }

    public record Guardian(String fullName, Relationship relationship, String phone, String email, Address address) {
        public Guardian {
            Objects.requireNonNull(fullName);
            Objects.requireNonNull(relationship);
            Objects.requireNonNull(phone);
            email = email == null ? "" : email;
            Objects.requireNonNull(address);
        }
    }

    public record Address(String street, String city, String state, String zip) {
        public Address {
            Objects.requireNonNull(street);
            Objects.requireNonNull(city);
            Objects.requireNonNull(state);
            Objects.requireNonNull(zip);
        }
    }

    /**
     * Names are kept as typed, never split by guessing: Hispanic double surnames, Somali and Hmong names break
     * such guesses (two Hispanic surnames, Somali names without a family surname, Hmong clan names).
     *
     * @param givenNames first and middle name(s), as on the birth certificate
     * @param lastNames  last name(s), as on the birth certificate
     * @param otherNames other names used (e.g. a former last name), "" when none
     * @param sex        as on medical records, null when not given
     */
    public record Child(String givenNames, String lastNames, String otherNames, LocalDate birthDate, Sex sex) {
        public Child {
            Objects.requireNonNull(givenNames);
            Objects.requireNonNull(lastNames);
            otherNames = otherNames == null ? "" : otherNames;
            Objects.requireNonNull(birthDate);
        }

        /** Given and last names as one line. */
        public String fullName() {
            return givenNames + " " + lastNames;
        }

        public int ageOn(LocalDate day) {
            return Period.between(birthDate, day).getYears();
        }
    }

    public record Clinic(String name, String city) {
        public Clinic {
            Objects.requireNonNull(name);
            Objects.requireNonNull(city);
        }
    }
}
