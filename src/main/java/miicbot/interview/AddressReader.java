package miicbot.interview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY stand-in on the flow branch: the "address" helper writes the real reader with this same signature, and
 * the integrator takes theirs. Reads a US mailing address typed in one message into its parts.
 */
public final class AddressReader {
    private static final Pattern ZIP_AT_END = Pattern.compile("(?:^|[\\s,])(\\d{5})(?:-?(\\d{4}))?\\s*$");
    private static final Pattern STATE_AT_END = Pattern.compile("(?:^|[\\s,])([A-Za-z][A-Za-z. ]*?)\\s*,?\\s*$");

    /** The parts of one address; "" for a part not found; {@code foreign} when clearly outside the US. */
    public record Address(String street, String city, String state, String zip, boolean foreign) { }

    private AddressReader() {
    }

    public static Address read(String text) {
        String rest = Parsers.clean(text).replaceAll("\\s*,\\s*", ", ");
        if (rest.matches("(?i).*\\b(canada|mexico|méxico|somalia|kenya|ethiopia|laos|thailand|uk|united kingdom)\\s*$")) {
            return new Address("", "", "", "", true);
        }
        String zip = "";
        Matcher z = ZIP_AT_END.matcher(rest);
        if (z.find()) {
            zip = z.group(2) == null ? z.group(1) : z.group(1) + "-" + z.group(2);
            rest = rest.substring(0, z.start()).replaceAll("[,\\s]+$", "");
        }
        String state = "";
        String[] words = rest.split("[ ,]+");
        for (int n = Math.min(3, words.length - 1); n >= 1 && state.isEmpty(); n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            String code = UsStates.code(tail);
            if (code != null && (n > 1 || tail.length() == 2 || tail.length() > 3)) {
                state = code;
                rest = rest.substring(0, rest.length() - tail.length()).replaceAll("[,\\s]+$", "");
            }
        }
        String street = rest;
        String city = "";
        int comma = rest.lastIndexOf(',');
        if (comma > 0) {
            street = rest.substring(0, comma).strip();
            city = rest.substring(comma + 1).strip();
        }
        if (!street.matches(".*\\d.*") && city.isEmpty()) {
            return new Address("", street, state, zip, false);
        }
        return new Address(street, city, state, zip, false);
    }
}
