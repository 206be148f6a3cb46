package miicbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import miicbot.engine.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParsersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static String ok(Parsed parsed) {
        return ((Parsed.Ok) parsed).value();
    }

    private static String problem(Parsed parsed) {
        return parsed instanceof Parsed.Problem p ? p.key() : "accepted as " + ((Parsed.Ok) parsed).value();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-03-14", "3/14/2019", "03-14-2019", "March 14 2019", "14 March 2019",
            "march 14, 2019", "Mar. 14 2019", "14 de marzo de 2019", " 03/14/2019 ", "3.14.2019"})
    void birthDateIsReadInEveryUsualForm(String typed) {
        assertEquals("2019-03-14", ok(Parsers.birthDate(typed, TODAY)));
    }

    /** Month names come from CLDR, not a Java table: every month by its Spanish and Somali name, both orders. */
    @ParameterizedTest
    @CsvSource({"enero, 1", "febrero, 2", "marzo, 3", "abril, 4", "mayo, 5", "junio, 6", "julio, 7", "agosto, 8",
            "septiembre, 9", "sept, 9", "octubre, 10", "noviembre, 11", "diciembre, 12",
            "Janaayo, 1", "Jannaayo, 1", "Febraayo, 2", "Maarso, 3", "Abriil, 4", "Maayo, 5", "Juun, 6", "Luulyo, 7",
            "Agosto, 8", "Ogosto, 8", "Sebtembar, 9", "Oktoobar, 10", "Noofeembar, 11", "Diseembar, 12"})
    void spanishAndSomaliMonthNamesAreRead(String name, int month) {
        String iso = String.format("2019-%02d-14", month);
        assertEquals(iso, ok(Parsers.birthDate("14 " + name + " 2019", TODAY)));
        assertEquals(iso, ok(Parsers.birthDate("14 de " + name + " de 2019", TODAY)));
        assertEquals(iso, ok(Parsers.birthDate(name + " 14, 2019", TODAY)));
    }

    /** Spellings CLDR leaves out but parents type: Spanish "setiembre", Somali without CLDR's doubled vowels. */
    @ParameterizedTest
    @CsvSource({"setiembre, 9", "set, 9", "Set., 9", "sep, 9", "Sep., 9", "setiem, 9",
            "Luuliyo, 7", "Ogost, 8", "Sebtember, 9", "Sibtembar, 9", "Nofembar, 11", "Disembar, 12", "Desembar, 12"})
    void spellingsCldrLeavesOutAreReadToo(String name, int month) {
        String iso = String.format("2019-%02d-14", month);
        assertEquals(iso, ok(Parsers.birthDate("14 de " + name + " de 2019", TODAY)));
        assertEquals(iso, ok(Parsers.birthDate(name + " 14 2019", TODAY)));
    }

    /** A day typed first is not guessed (5/3/2019 could be either): the hint shows the date written month first. */
    @ParameterizedTest
    @CsvSource({"14/3/2019, 3/14/2019", "31/12/2018, 12/31/2018", "29/2/2020, 2/29/2020", "13.01.2019, 1/13/2019"})
    void aDayTypedFirstGetsTheDateBackMonthFirst(String typed, String monthFirst) {
        assertEquals(new Parsed.Problem("invalid.date.day_first", Map.of("date", monthFirst)),
                Parsers.birthDate(typed, TODAY));
        assertEquals("accepted as 2019-05-03", problem(Parsers.birthDate("5/3/2019", TODAY)), "month first, as asked");
    }

    @Test
    void futureBirthDateIsAskedAgain() {
        assertEquals("invalid.date.future", problem(Parsers.birthDate("2026-11-26", TODAY)));
        assertEquals("2026-11-25", ok(Parsers.birthDate("11/25/2026", TODAY)));
    }

    @Test
    void impossibleDayNamesTheDaysInThatMonth() {
        Parsed parsed = Parsers.birthDate("2/30/2019", TODAY);
        assertEquals(new Parsed.Problem("invalid.date.day", Map.of("days", "28")), parsed);
        assertEquals(new Parsed.Problem("invalid.date.day", Map.of("days", "29")), Parsers.birthDate("2020-02-30", TODAY));
        assertEquals("2020-02-29", ok(Parsers.birthDate("February 29 2020", TODAY)));
        // US order is month/day, so 31/02/2019 has no month 31; read day first it is no date either, so no hint.
        assertEquals("invalid.date.month", problem(Parsers.birthDate("31/02/2019", TODAY)));
        assertEquals("invalid.date.month", problem(Parsers.birthDate("29/2/2019", TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"13/14/2019, invalid.date.month", "3/14/19, invalid.date.year", "yesterday, invalid.date.format",
            "9999-12-31, invalid.date.future", "1800-01-01, invalid.date.past", "'', invalid.date.format",
            "Smarch 14 2019, invalid.date.format", "14 Smarch 2019, invalid.date.format",
            "March 14 19, invalid.date.year", "14 March 19, invalid.date.year", "14 de marzo de 19, invalid.date.year"})
    void badDatesSayWhatIsWrong(String typed, String key) {
        assertEquals(key, problem(Parsers.birthDate(typed, TODAY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Łukasz Żółć", "Nguyễn Thị Ánh", "Maxamed Cabdullaahi Xuseen", "Paj Ntaub Yaj",
            "José Ñúñez-O'Brien", "Mary-Jane O’Neil", "J. R.", "Σοφία"})
    void namesOfEveryScriptAreAccepted(String name) {
        assertEquals(name, ok(Parsers.personName(name, TODAY)));
    }

    @Test
    void namesAreCleanedOfInvisibleCharactersAndExtraSpaces() {
        assertEquals("Ana María", ok(Parsers.personName("  Ana\u200B   Mar\u200Eía \u0007", TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"R2D2, invalid.name", "'<b>Bob</b>', invalid.name", "'', invalid.empty", "'  \u200B ', invalid.empty",
            "😀, invalid.name", "'Robert''); DROP TABLE kids;--', invalid.name"})
    void namesWithDigitsOrSymbolsAreRefused(String typed, String key) {
        assertEquals(key, problem(Parsers.personName(typed, TODAY)));
    }

    @Test
    void veryLongNamesAreRefusedWithTheLimit() {
        assertEquals(new Parsed.Problem("invalid.too_long", Map.of("max", "80")),
                Parsers.personName("A".repeat(81), TODAY));
    }

    @ParameterizedTest
    @CsvSource({"651 555 0123, 651-555-0123", "(651) 555-0123, 651-555-0123", "+1 651.555.0123, 651-555-0123",
            "16515550123, 651-555-0123", "651-555-0123, 651-555-0123", "651.555.0123, 651-555-0123",
            "6515550123, 651-555-0123", "+1 651 555 0123, 651-555-0123", "1-651-555-0123, 651-555-0123",
            "'  (651)555-0123 ', 651-555-0123", "+1 (651) 555-0123, 651-555-0123",
            "651-555-0123 ext 12, 651-555-0123 ext 12", "651-555-0123 Ext. 12, 651-555-0123 ext 12",
            "'651 555 0123, extension 4021', 651-555-0123 ext 4021", "651-555-0123x7, 651-555-0123 ext 7"})
    void phoneNumbersAreNormalised(String typed, String expected) {
        assertEquals(expected, ok(Parsers.phone(typed, TODAY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-0123", "651-555-01234", "call me", "051-555-0123", "+44 20 7946 0958",
            "651-555-012", "65155501234", "651-555-01234-5", "651-ABC-0123", "1-800-FLOWERS", "651-055-0123",
            "2-651-555-0123", "651-555-0123 ext", "phone 651-555-0123", "", "--- ---", "651-555-0123 ext 1234567"})
    void phoneNumbersThatAreNotUsTenDigitAreRefused(String typed) {
        assertEquals("invalid.phone", problem(Parsers.phone(typed, TODAY)));
    }

    @Test
    void aStreetAskedAloneNeedsItsNumber() {
        assertEquals("1215 Riverfront Dr Apt 4", ok(Parsers.street(" 1215 Riverfront Dr Apt 4 ", TODAY)));
        assertEquals("PO Box 64", ok(Parsers.street("PO Box 64", TODAY)));
        assertEquals("street.invalid.no_number", problem(Parsers.street("Ana", TODAY)), "a name is not a street");
        assertEquals("invalid.empty", problem(Parsers.street("  ", TODAY)));
    }

    @Test
    void emailNeedsAnAtAndADomain() {
        assertEquals("a.b@example.org", ok(Parsers.email(" a.b@example.org ", TODAY)));
        assertEquals("invalid.email", problem(Parsers.email("a.b@example", TODAY)));
        assertEquals("invalid.email", problem(Parsers.email("no at sign", TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"mn, MN", "Minnesota, MN", "  wisconsin , WI", "District of Columbia, DC", "u.s. virgin islands, VI"})
    void statesAreReadByCodeOrName(String typed, String code) {
        assertEquals(code, ok(Parsers.state(typed, TODAY)));
    }

    @Test
    void unknownStateIsRefused() {
        assertEquals("invalid.state", problem(Parsers.state("Ontario", TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"55101, 55101", "55101-1234, 55101-1234", "551011234, 55101-1234", "' 55101 ', 55101"})
    void zipCodesAreFiveOrNineDigits(String typed, String expected) {
        assertEquals(expected, ok(Parsers.zip(typed, TODAY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5510", "551011", "ABCDE", "55101-12"})
    void badZipCodesAreRefused(String typed) {
        assertEquals("invalid.zip", problem(Parsers.zip(typed, TODAY)));
    }

    @Test
    void linesNeedALetterOrDigitAndFitTheForm() {
        assertEquals("4242 Snapdragon Way #5", ok(Parsers.line("4242 Snapdragon Way #5", TODAY)));
        assertEquals("invalid.line", problem(Parsers.line("---", TODAY)));
        assertEquals("invalid.too_long", problem(Parsers.line("x".repeat(121), TODAY)));
    }

    @Test
    void otherNamesAreCommaSeparatedNames() {
        assertEquals("Ana Smith, Ana Lee", ok(Parsers.otherNames("Ana Smith, Ana Lee", TODAY)));
        assertEquals("invalid.name", problem(Parsers.otherNames("Ana 2", TODAY)));
    }
    @Test
    void areaCodesAndExchangesMayStartWithTwo() {
        assertEquals("212-255-0123", ok(Parsers.phone("212 255 0123", TODAY)));
        assertEquals("invalid.phone", problem(Parsers.phone("112-255-0123", TODAY)));
        assertEquals("invalid.phone", problem(Parsers.phone("212-155-0123", TODAY)));
    }

    @Test
    void textsExactlyAtTheirLimitAreAccepted() {
        assertEquals("A".repeat(80), ok(Parsers.personName("A".repeat(80), TODAY)));
        assertEquals("x".repeat(120), ok(Parsers.line("x".repeat(120), TODAY)));
        String email = "a".repeat(108) + "@example.org";
        assertEquals(120, email.length());
        assertEquals(email, ok(Parsers.email(email, TODAY)));
        assertEquals("invalid.email", problem(Parsers.email("a" + email, TODAY)));
    }
}
