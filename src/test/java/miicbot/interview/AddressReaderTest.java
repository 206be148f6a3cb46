package miicbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import miicbot.interview.AddressReader.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressReaderTest {
    private static final Address NOTHING = new Address("", "", "", "", false);

    /** The rows of src/test/resources/addresses.tsv: typed text, then the address it must give. */
    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = AddressReaderTest.class.getResourceAsStream("/addresses.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertTrue(lines.size() >= 100, "the corpus keeps at least 100 addresses, has " + lines.size());
            return lines.stream().map(line -> {
                String[] f = line.split("\t", -1);
                assertEquals(6, f.length, "six tab-separated columns: " + line);
                return Arguments.of(f[0].replace("\\n", "\n"),
                        new Address(f[1], f[2], f[3], f[4], Boolean.parseBoolean(f[5])));
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusAddressIsReadIntoItsParts(String typed, Address expected) {
        assertEquals(expected, AddressReader.read(typed));
    }

    @Test
    void corpusHoldsAtLeastThirtyMinnesotaAddresses() throws IOException {
        long minnesota = corpus().filter(row -> ((Address) row.get()[1]).state().equals("MN")).count();
        assertTrue(minnesota >= 30, "Minnesota rows: " + minnesota);
    }

    @Test
    void aZipAloneGivesTheZipOnly() {
        assertEquals(new Address("", "", "", "55101", false), AddressReader.read(" 55101 "));
        assertEquals(new Address("", "", "", "55101-1234", false), AddressReader.read("55101-1234"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maria Lopez", "María José Hernández", "I don't know", "", "   ", "?!", "Springfield"})
    void aNameOrSentenceInsteadOfAnAddressGivesNothing(String typed) {
        assertEquals(NOTHING, AddressReader.read(typed));
    }

    @Test
    void nullGivesNothing() {
        assertEquals(NOTHING, AddressReader.read(null));
    }

    @Test
    void aMissingZipLeavesOnlyTheZipEmpty() {
        assertEquals(new Address("1215 Riverfront Dr Apt 4", "Mankato", "MN", "", false),
                AddressReader.read("1215 Riverfront Dr Apt 4, Mankato, MN"));
        assertEquals(new Address("1215 Riverfront Dr Apt 4", "Mankato", "", "56001", false),
                AddressReader.read("1215 Riverfront Dr Apt 4 Mankato 56001"));
    }

    @Test
    void aMissingCityLeavesOnlyTheCityEmpty() {
        assertEquals(new Address("1215 Riverfront Dr Apt 4", "", "MN", "56001", false),
                AddressReader.read("1215 Riverfront Dr Apt 4, MN 56001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100 Queen St W, Toronto, ON M5H 2N2", "Hodan District, Mogadishu, Somalia",
            "Calle 10 #45, Guadalajara, Jalisco, Mexico 44100", "m5h2n2"})
    void anAddressOutsideTheUsIsForeignWithNoParts(String typed) {
        assertEquals(new Address("", "", "", "", true), AddressReader.read(typed));
    }

    @Test
    void aMinnesotaCityNamedLikeACountryIsNotForeign() {
        assertEquals(new Address("310 Broadway St", "Jordan", "MN", "55352", false),
                AddressReader.read("310 Broadway St Jordan MN 55352"));
    }

    @Test
    void randomWordSaladNeverThrowsAndGivesWellFormedParts() {
        long seed = System.nanoTime();
        System.out.println("AddressReaderTest random seed: " + seed);
        Random random = new Random(seed);
        String[] words = {"12", "1215", "Apt", "#", "#4", "Unit", "B", "PO", "P.O.", "Box", "RR", "St", "St.", "Saint",
            "Paul", "Ave", "Main", "Mankato", "North", "NE", "MN", "Minn.", "Ct", "55101", "55101-1234", "1234",
            "USA", "Canada", "Jordan", ",", "\n", "  ", "M5H 2N2", "ñ", "", ";"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder typed = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                typed.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
            }
            Address read = AddressReader.read(typed.toString());
            String context = "seed " + seed + ", typed: " + typed;
            assertTrue(read.zip().matches("|\\d{5}(-\\d{4})?"), context);
            assertTrue(read.state().matches("|[A-Z]{2}"), context);
            assertTrue(!read.foreign() || (read.street() + read.city() + read.state() + read.zip()).isEmpty(), context);
            assertTrue(read.street().isEmpty() || read.street().matches("(?i)(\\d|p|box|rr|post).*"), context);
        }
    }

    @Test
    void hostileTextNeverThrowsNorLooksForeign() {
        for (String typed : List.of(",,,", "#", "Apt", "PO Box", "Box #", "1 ,", "\n\n", "MN", "USA", "1 2 3 4 5",
                "#".repeat(500), "St St St St", "Apt 4, ", ", , MN , 55101 ,")) {
            assertFalse(AddressReader.read(typed).foreign(), typed);
        }
    }

    /** Edge cases at the reader's limits: each row decides one comparison the corpus leaves open. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "55101 1234||||55101-1234",                // a ZIP+4 typed with a space, and nothing else
        "Mankato 5600||Mankato||",                 // a four-digit number where the ZIP goes is dropped
        "12 Apt 4|12 Apt 4|||",                    // a unit right after the house number ends the street
        "500 Main Fargo ND|500 Main|Fargo|ND|",    // no street word: the last word is the city
        "12 Main Ave St|12 Main Ave St|||",        // "St" last after a street word is still the street
        "1215 Main St # B Springfield IL 62704|1215 Main St # B|Springfield|IL|62704", // "# B": two words
        "1820 University Ave W #204 Springfield IL 62704|1820 University Ave W #204|Springfield|IL|62704",
        "12 Oak Ave West Fargo ND|12 Oak Ave|West Fargo|ND|", // "West" before more words starts the city
        "12 Oak Ave West|12 Oak Ave West|||"       // "West" last belongs to the street
    })
    void edgeCasesAreReadTheMinnesotaWay(String typed, String street, String city, String state, String zip) {
        assertEquals(new Address(blank(street), blank(city), blank(state), blank(zip), false),
                AddressReader.read(typed));
    }

    private static String blank(String csvValue) {
        return csvValue == null ? "" : csvValue;
    }
}
