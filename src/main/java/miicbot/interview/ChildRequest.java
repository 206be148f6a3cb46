package miicbot.interview;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import miicbot.engine.Form;
import miicbot.i18n.Language;

/**
 * One child's finished request, everything the form needs: who asks, for whom, and what.
 * Made from the answers at the review step ({@link FormAnswers}); read by the form renderer. Built by name
 * ({@link #builder()}), so a new field breaks no caller that does not set it.
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
                           Clinic clinic, LocalDate prepared) implements Form {

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

    /** A request built field by field. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's fields, to change some. */
    public Builder toBuilder() {
        Builder b = builder().language(language).prepared(prepared).options(options)
                .guardian(guardian.fullName(), guardian.relationship()).phone(guardian.phone()).email(guardian.email())
                .address(guardian.address().street(), guardian.address().city(), guardian.address().state(),
                        guardian.address().zip())
                .child(child.givenNames(), child.lastNames()).otherNames(child.otherNames())
                .birthDate(child.birthDate()).sex(child.sex()).otherParent(child.otherParent());
        return clinic == null ? b : b.clinic(clinic.name(), clinic.city());
    }

    /** The request a {@link miicbot.engine.Reply.SendForm} carries: the MIIC interview makes only these. */
    public static ChildRequest of(Form form) {
        if (form instanceof ChildRequest request) {
            return request;
        }
        throw new IllegalArgumentException("not a MIIC request: " + form.getClass().getName());
    }

    /** The child's name: the PDF's file name and caption. */
    @Override
    public String subject() {
        return child.fullName();
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
     * Names are kept as typed, never split by a guess that Hispanic, Somali or Hmong names would break.
     *
     * @param givenNames first and middle name(s), as on the birth certificate
     * @param lastNames  last name(s), as on the birth certificate
     * @param otherNames  other names used (e.g. a former last name), "" when none
     * @param sex         as on medical records, null when not given
     * @param otherParent the other parent's name as on the birth certificate, "" when not given (absent in
     *                    requests stored before it was asked)
     */
    public record Child(String givenNames, String lastNames, String otherNames, LocalDate birthDate, Sex sex,
                        String otherParent) {
        public Child {
            Objects.requireNonNull(givenNames);
            Objects.requireNonNull(lastNames);
            otherNames = otherNames == null ? "" : otherNames;
            otherParent = otherParent == null ? "" : otherParent;
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

    /** The fields of a request, set by name; {@link #build} checks them as the records do. */
    public static final class Builder {
        private Language language;
        private LocalDate prepared;
        private final Set<RequestOption> options = EnumSet.noneOf(RequestOption.class);
        private String guardianName;
        private Relationship relationship;
        private String phone;
        private String email = "";
        private String street;
        private String city;
        private String state;
        private String zip;
        private String givenNames;
        private String lastNames;
        private String otherNames = "";
        private LocalDate birthDate;
        private Sex sex;
        private String otherParent = "";
        private String clinicName;
        private String clinicCity;

        private Builder() { }

        public Builder language(Language value) {
            language = value;
            return this;
        }

        public Builder prepared(LocalDate day) {
            prepared = day;
            return this;
        }

        /** Adds boxes to check. */
        public Builder options(Set<RequestOption> more) {
            options.addAll(more);
            return this;
        }

        public Builder option(RequestOption option) {
            options.add(option);
            return this;
        }

        /** Whether {@code option} is among the boxes so far. */
        public boolean has(RequestOption option) {
            return options.contains(option);
        }

        /** Who signs and is the contact: their full name and relationship to the child. */
        public Builder guardian(String fullName, Relationship how) {
            guardianName = fullName;
            relationship = how;
            return this;
        }

        public Builder guardianName(String fullName) {
            guardianName = fullName;
            return this;
        }

        public Builder relationship(Relationship how) {
            relationship = how;
            return this;
        }

        public Builder phone(String value) {
            phone = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder address(String streetLine, String cityName, String stateCode, String zipCode) {
            street = streetLine;
            city = cityName;
            state = stateCode;
            zip = zipCode;
            return this;
        }

        public Builder street(String value) {
            street = value;
            return this;
        }

        public Builder city(String value) {
            city = value;
            return this;
        }

        public Builder state(String value) {
            state = value;
            return this;
        }

        public Builder zip(String value) {
            zip = value;
            return this;
        }

        /** The child's given and last names, as on the birth certificate. */
        public Builder child(String given, String last) {
            givenNames = given;
            lastNames = last;
            return this;
        }

        public Builder givenNames(String value) {
            givenNames = value;
            return this;
        }

        public Builder lastNames(String value) {
            lastNames = value;
            return this;
        }

        public Builder otherNames(String value) {
            otherNames = value;
            return this;
        }

        public Builder birthDate(LocalDate value) {
            birthDate = value;
            return this;
        }

        public Builder sex(Sex value) {
            sex = value;
            return this;
        }

        public Builder otherParent(String value) {
            otherParent = value;
            return this;
        }

        /** The clinic to lock the record to (with {@link RequestOption#LOCK}). */
        public Builder clinic(String name, String cityName) {
            clinicName = name;
            clinicCity = cityName;
            return this;
        }

        public Builder clinicName(String value) {
            clinicName = value;
            return this;
        }

        public Builder clinicCity(String value) {
            clinicCity = value;
            return this;
        }

        /** The request; throws as the records do when a needed field is missing. */
        public ChildRequest build() {
            var child = new Child(givenNames, lastNames, otherNames, birthDate, sex, otherParent);
            var guardian = new Guardian(guardianName, relationship, phone, email,
                    new Address(street, city, state, zip));
            var clinic = clinicName == null && clinicCity == null ? null : new Clinic(clinicName, clinicCity);
            return new ChildRequest(language, guardian, child, options, clinic, prepared);
        }
    }
}
