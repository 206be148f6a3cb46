package miicbot.interview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a US mailing address typed in one message into street, city, state and ZIP.
 *
 * <p>How it works: the text is cut into words, with commas and line breaks kept as breaks. From the end it takes a
 * trailing "USA", the ZIP and the state. The street starts at the house number or PO box (words before it, such as
 * a name, are dropped) and the city is what follows the street. Where the street ends is found in this order: at
 * the last comma if a plain word follows it; at a known Minnesota city name at the end (resource
 * {@code address/mn-cities.txt}), which is what lets "St Paul" or "Maple Grove" be read without commas; after the
 * last street-type word ("Dr", "Ave", resource {@code address/street-suffixes.txt}) or unit ("Apt 4", "#4"), with
 * what follows it (a route number, a county road's letter as in "County Road B2", a direction, a unit); else the
 * last word is the city. A rural route, highway contract or box ("RR 2 Box 15", "Box # 63") is the whole street.
 *
 * <p>A spelled-out direction after the street ("Broadway St Northeast Minneapolis") belongs to the street when the
 * words after it are a known Minnesota city and the direction with them is not; to the city when only the direction
 * with them is a known city ("East Grand Forks"). When both or neither are known ("Belgrade Ave North Mankato",
 * "Highway 62 West Gassville"), {@link #readings} gives both readings, so the parent can be asked; so it does when
 * a street with no street-type word is followed by two unknown words ("12 Broadway Cold Bay"). Text that can mean
 * two things otherwise is read the Minnesota way: "123 Main St Paul" gives street "123 Main", city "St Paul".
 *
 * <p>Every word from the house number on ends up in the street or the city (words before the house number, such
 * as a name, and a trailing "USA" are left out).
 *
 * <p>What comes back, so the caller can tell "nothing readable" from "one part missing":
 * <ul>
 *   <li>all four parts "" and {@code foreign} false: nothing readable (a name, a sentence, an empty message);
 *   <li>{@code foreign} true: the other parts are all "" (a Canadian postal code, or a country other than the US
 *       at the end);
 *   <li>a street is read only from a house number or PO box followed by at least one word;
 *   <li>a city with no street is read only beside a state or ZIP ("Mankato, MN"), or when it is a known Minnesota
 *       city; "55101" alone gives the ZIP only.
 * </ul>
 * Casing is kept as typed; a street or city typed all in lower case gets capital initials ("st paul" gives
 * "St Paul").
 */
public final class AddressReader {
    private static final Set<String> CITIES = load("mn-cities.txt").stream()
            .map(city -> cityKey(List.of(city.split(" ")))).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SUFFIXES = load("street-suffixes.txt");
    private static final Set<String> COUNTRIES = load("countries.txt");
    private static final Set<String> UNITS = Set.of("apt", "apartment", "unit", "ste", "suite", "lot", "bldg",
            "building", "fl", "floor", "rm", "room", "spc", "trlr");
    private static final Set<String> DIRECTIONS = Set.of("n", "s", "e", "w", "ne", "nw", "se", "sw");
    private static final Set<String> LONG_DIRECTIONS = Set.of("north", "south", "east", "west", "northeast",
            "northwest", "southeast", "southwest");
    private static final Set<String> HOME_COUNTRY = Set.of("usa", "us", "united states", "united states of america");
    private static final Set<String> PO_WORDS = Set.of("po", "p", "o", "post", "office");
    // Rural route, highway contract: "RR 2 Box 15", "HC 1 Box 30", "Route 3 Box 12", "Rural Route 2".
    private static final Set<String> ROUTES = Set.of("rr", "hc", "route", "rte");
    private static final Set<String> CAPITALS = Set.of("po", "p", "o", "rr", "hc", "us", "csah", "cr");
    // A street's whole name that needs no street-type word after it: "233 S Broadway".
    private static final Set<String> NAMES_ENDING_A_STREET = Set.of("broadway");
    private static final Set<String> COUNTY_WORDS = Set.of("county", "co", "cty");
    private static final Set<String> ROAD_WORDS = Set.of("road", "rd");
    // A county road's letter, with a number or not: Ramsey County's "County Road B2", "County Road D".
    private static final Pattern ROAD_LETTER = Pattern.compile("[A-Za-z]\\d?");
    private static final String BREAK = ",";
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?(\\d{4}))?");
    // A number where the ZIP goes that is not one ("5600", "560011"): dropped, so the caller asks for the ZIP.
    private static final Pattern BAD_ZIP = Pattern.compile("\\d{4}|\\d{6,8}|\\d{10,}|\\d{5}-\\d{0,3}");
    // A house number: "1215", "12B", "12-14", "1/2".
    private static final Pattern NUMBER = Pattern.compile("\\d+[A-Za-z]?(?:-\\d+[A-Za-z]?)?|\\d+/\\d+");
    private static final Pattern CANADIAN_POSTAL_CODE = Pattern.compile("\\b[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d\\b");
    private static final Address FOREIGN = new Address("", "", "", "", true);

    private AddressReader() {
    }

    /** "" for a part not found. state: 2-letter USPS code; zip: "55101" or "55101-1234"; foreign: not in the US. */
    public record Address(String street, String city, String state, String zip, boolean foreign) { }

    /** Reads one typed US mailing address into its parts; never throws. See the class comment for what comes back. */
    public static Address read(String text) {
        return readings(text).get(0);
    }

    /**
     * Every reading of one typed address: one, or two when a word between the street and the city could belong
     * to either (see the class comment); the first is what {@link #read} gives. Never empty, never throws.
     */
    public static List<Address> readings(String text) {
        String typed = Parsers.clean(text == null ? "" : text.replaceAll("[\\r\\n;]+", ", "));
        if (CANADIAN_POSTAL_CODE.matcher(typed).find()) {
            return List.of(FOREIGN);
        }
        List<String> w = new ArrayList<>();
        for (String word : typed.replace(",", " , ").split(" ")) {   // breaks kept, but never two in a row
            if (!word.isBlank() && !(word.equals(BREAK) && (w.isEmpty() || last(w).equals(BREAK)))) {
                w.add(word);
            }
        }
        takeTail(w, HOME_COUNTRY);
        String zip = takeZip(w);
        List<String> country = takeTail(w, COUNTRIES);   // also before a foreign postal code: "Mexico 44100"
        if (!country.isEmpty() && !CITIES.contains(cityKey(country))) {   // Jordan is also a Minnesota city
            return List.of(FOREIGN);
        }
        String state = takeState(w, !zip.isEmpty());
        int start = streetStart(w);
        if (start < 0) {
            List<String> city = w.subList(w.lastIndexOf(BREAK) + 1, w.size());
            boolean cityAlone = zip.isEmpty() && state.isEmpty() && !CITIES.contains(cityKey(city));
            String cityText = cityAlone || city.stream().anyMatch(AddressReader::hasDigit) ? "" : words(city);
            return List.of(new Address("", cityText, state, zip, false));
        }
        List<String> rest = w.subList(start, w.size());
        // A unit typed first ("Apt 4, 1215 Main St") goes after the street; other words before it are dropped.
        List<String> before = new ArrayList<>(w.subList(0, start));
        before.removeIf(BREAK::equals);
        List<String> unitFirst = !before.isEmpty() && isUnit(before, 0) ? before : List.of();
        Cut cut = streetEnd(rest, state.isEmpty() || state.equals("MN"));
        List<Address> readings = new ArrayList<>();
        readings.add(split(rest, cut.end(), unitFirst, state, zip));
        if (cut.other() >= 0) {
            readings.add(split(rest, cut.other(), unitFirst, state, zip));
        }
        return List.copyOf(readings);
    }

    /** The address with the street ending at {@code end} in {@code rest} (the words from the house number on). */
    private static Address split(List<String> rest, int end, List<String> unitFirst, String state, String zip) {
        List<String> street = new ArrayList<>(rest.subList(0, end));
        List<String> city = new ArrayList<>(rest.subList(end, rest.size()));
        street.addAll(unitFirst);
        if (city.stream().anyMatch(AddressReader::hasDigit)) {
            street.addAll(city);   // never a city, and never dropped: the city is then asked on its own
            city.clear();
        }
        street.removeIf(BREAK::equals);
        city.removeIf(BREAK::equals);
        return new Address(street.size() < 2 ? "" : words(street), words(city), state, zip, false);
    }

    private static boolean hasDigit(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }

    /** Where the street ends, and the other place it may end (-1 when none): the city starts there. */
    private record Cut(int end, int other) {
    }

    /** Removes and returns a trailing phrase of 1 to 4 words found in {@code phrases} (and the breaks around it). */
    private static List<String> takeTail(List<String> w, Set<String> phrases) {
        dropTrailingBreak(w);
        for (int n = Math.min(4, w.size() - 1); n >= 1; n--) {
            List<String> tail = w.subList(w.size() - n, w.size());
            if (phrases.contains(key(String.join(" ", tail)))) {
                List<String> taken = List.copyOf(tail);
                tail.clear();
                dropTrailingBreak(w);
                return taken;
            }
        }
        return List.of();
    }

    /** Removes and returns the ZIP at the end ("55101", "55101-1234", "55101 1234"), or "". */
    private static String takeZip(List<String> w) {
        if (w.size() >= 2 && w.get(w.size() - 2).matches("\\d{5}") && last(w).matches("\\d{4}")) {
            w.set(w.size() - 2, w.get(w.size() - 2) + "-" + w.remove(w.size() - 1));
        }
        Matcher m = ZIP.matcher(last(w));
        if (m.matches()) {
            w.remove(w.size() - 1);
            return m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
        }
        if (w.size() >= 2 && BAD_ZIP.matcher(last(w)).matches()) {
            w.remove(w.size() - 1);
        }
        return "";
    }

    /** Removes and returns the state at the end ("MN", "Minn.", "New Mexico"), or "". */
    private static String takeState(List<String> w, boolean afterZip) {
        dropTrailingBreak(w);
        for (int n = Math.min(3, w.size()); n >= 1; n--) {
            List<String> words = w.subList(w.size() - n, w.size());
            String code = words.contains(BREAK) ? null : UsStates.code(String.join(" ", words));
            boolean breakBefore = w.size() > n && w.get(w.size() - n - 1).equals(BREAK);
            // "4 Pine Ct" and "Main St NE" end in a street word that is also a state code (CT, NE): not a state.
            // A direction after a plain word is a state: "Atkinson NE".
            String only = key(words.get(0));
            String before = w.size() > n ? key(w.get(w.size() - n - 1)) : "";
            boolean afterStreet = SUFFIXES.contains(before) || NAMES_ENDING_A_STREET.contains(before)
                    || NUMBER.matcher(before).matches();
            // After a street that already has its street-type word, "Ct" is Connecticut: "12 Hampton Rd Canton CT".
            boolean secondSuffix = w.subList(Math.min(1, w.size() - n), w.size() - n).stream().map(AddressReader::key)
                    .anyMatch(SUFFIXES::contains);
            boolean streetWord = n == 1 && (SUFFIXES.contains(only) && !secondSuffix
                    || DIRECTIONS.contains(only) && afterStreet);
            if (code != null && (afterZip || breakBefore || !streetWord)) {
                words.clear();
                dropTrailingBreak(w);
                return code;
            }
        }
        return "";
    }

    /** The first house number (not a unit's number) or PO box, or -1. */
    private static int streetStart(List<String> w) {
        for (int i = 0; i < w.size(); i++) {
            boolean unitNumber = i > 0 && UNITS.contains(key(w.get(i - 1)));
            if (NUMBER.matcher(w.get(i)).matches() && !unitNumber || poBoxEnd(w, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Where the street ends in words that start with a house number or PO box: the city starts there. */
    private static Cut streetEnd(List<String> w, boolean minnesota) {
        int box = poBoxEnd(w, 0);
        int shortest = box > 0 ? box : 2;
        int afterBreak = w.lastIndexOf(BREAK) + 1;
        if (afterBreak >= shortest && afterBreak < w.size() && !isUnit(w, afterBreak)
                && !NUMBER.matcher(w.get(afterBreak)).matches()) {
            return new Cut(afterBreak, -1);
        }
        int end = box > 0 ? box : lastStreetWordEnd(w);
        for (int i = w.size() - 1; end < 0 && i >= 1; i--) {
            end = isUnit(w, i) ? unitEnd(w, i) : -1;
        }
        int direction = -1;   // a spelled-out direction that may belong to the street or to the city
        if (end >= 0) {
            Cut extended = extend(w, end, minnesota);
            end = extended.end();
            direction = extended.other();
        }
        for (int n = Math.min(4, w.size() - shortest); n >= 1; n--) {
            List<String> tail = w.subList(w.size() - n, w.size());
            if (!tail.contains(BREAK) && CITIES.contains(cityKey(tail))) {
                // Words between the street's end and a known city belong to the city: "Lake" in "Lake Crystal".
                end = end >= 0 && end < w.size() - n ? end : w.size() - n;
                return new Cut(end, end == direction ? direction + 1 : end == direction + 1 ? direction : -1);
            }
        }
        if (end >= 0) {
            return new Cut(end, direction);
        }
        if (w.size() < 3) {
            return new Cut(w.size(), -1);
        }
        // No street-type word and no known city: the last word is the city, or the last two ("Cold Bay").
        int other = w.size() - 2;
        boolean named = w.subList(1, Math.max(1, other)).stream().map(AddressReader::key)
                .anyMatch(word -> !DIRECTIONS.contains(word) && !LONG_DIRECTIONS.contains(word));
        boolean twoWordCity = other >= 2 && named && !w.get(other).equals(BREAK) && !hasDigit(w.get(other))
                && !w.get(other - 1).equals(BREAK);   // "224 South" alone is no street: "224 South Pine Nowata"
        return new Cut(w.size() - 1, twoWordCity ? other : -1);
    }

    /** After the last street-type word: "Main St" ends after St; "St" right after one starts a city ("St Louis"). */
    private static int lastStreetWordEnd(List<String> w) {
        for (int i = w.size() - 1; i >= 1; i--) {
            boolean routeNumber = i + 1 < w.size() && NUMBER.matcher(w.get(i + 1)).matches();
            boolean saint = key(w.get(i)).equals("st") && i + 1 < w.size() && SUFFIXES.contains(key(w.get(i - 1)));
            boolean streetWord = SUFFIXES.contains(key(w.get(i))) || NAMES_ENDING_A_STREET.contains(key(w.get(i)));
            if (streetWord && (i >= 2 || routeNumber) && !saint) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Takes in what belongs to the street after its end: route numbers, a county road's letter, directions, units
     * ("Apt 4", "#4"). The other end is the index of a spelled-out direction that may start the city instead, or -1.
     */
    private static Cut extend(List<String> w, int end, boolean minnesota) {
        boolean countyRoad = end >= 2 && ROAD_WORDS.contains(key(w.get(end - 1)))
                && COUNTY_WORDS.contains(key(w.get(end - 2)));
        int first = end;
        int direction = -1;
        for (int i = end; i < w.size(); end = i) {
            int next = w.get(i).equals(BREAK) ? i + 1 : i;
            String word = next < w.size() ? key(w.get(next)) : "";
            String before = key(w.get(next - 1));
            boolean afterDirection = DIRECTIONS.contains(before) || LONG_DIRECTIONS.contains(before);
            if (NUMBER.matcher(word).matches() || DIRECTIONS.contains(word)
                    || countyRoad && next == first && ROAD_LETTER.matcher(word).matches()) {
                i = next + 1;
            } else if (!word.isEmpty() && isUnit(w, next)) {
                i = unitEnd(w, next);
            } else if (LONG_DIRECTIONS.contains(word) && !afterDirection) {
                Side side = minnesota ? side(w, next) : Side.EITHER;   // cities known in Minnesota only
                if (side == Side.CITY) {
                    break;
                }
                direction = side == Side.EITHER ? next : direction;
                i = next + 1;
            } else {
                break;
            }
        }
        return new Cut(end, direction);
    }

    /** Where a spelled-out direction after a street goes. */
    private enum Side { STREET, CITY, EITHER }

    /** Whether the spelled-out direction at {@code at} ends the street, starts the city, or may do either. */
    private static Side side(List<String> w, int at) {
        int cityEnd = w.subList(at, w.size()).indexOf(BREAK);
        cityEnd = cityEnd < 0 ? w.size() : at + cityEnd;
        if (cityEnd == at + 1) {
            return Side.STREET;   // last, or before a comma: "12 Oak Ave West, Fargo"
        }
        boolean withDirection = CITIES.contains(cityKey(w.subList(at, cityEnd)));
        boolean without = CITIES.contains(cityKey(w.subList(at + 1, cityEnd)));
        if (without != withDirection) {
            return without ? Side.STREET : Side.CITY;
        }
        return Side.EITHER;
    }

    /** Whether a unit starts at {@code i}: "Apt 4", "Unit B", "# 4" or "#4". */
    private static boolean isUnit(List<String> w, int i) {
        return UNITS.contains(key(w.get(i))) || w.get(i).startsWith("#");
    }

    /** Where the unit starting at {@code i} ends: after "#4", or after the word following "Apt" or "#". */
    private static int unitEnd(List<String> w, int i) {
        return Math.min(w.size(), i + (w.get(i).startsWith("#") && w.get(i).length() > 1 ? 1 : 2));
    }

    /**
     * Where a box or rural route starting at {@code i} ends ("PO Box 123", "P.O. Box 123", "Box # 63", "RR 2 Box 15",
     * "Rural Route 2", "HC 1 Box 30", "Route Box # 100"), or -1.
     */
    private static int poBoxEnd(List<String> w, int i) {
        int j = i + 1 < w.size() && key(w.get(i)).equals("rural") && key(w.get(i + 1)).equals("route") ? i + 1 : i;
        boolean route = j < w.size() && ROUTES.contains(key(w.get(j)));
        j = route ? j + 1 : i;
        boolean routeNumber = route && j < w.size() && w.get(j).matches("#?\\d+");
        j = routeNumber ? j + 1 : j;
        int routeEnd = j;
        while (j < w.size() && PO_WORDS.contains(key(w.get(j)))) {
            j++;
        }
        boolean box = j + 1 < w.size() && key(w.get(j)).equals("box");
        if (box && w.get(j + 1).matches("#?\\d+")) {
            return j + 2;
        }
        if (box && w.get(j + 1).equals("#") && j + 2 < w.size() && w.get(j + 2).matches("\\d+")) {
            return j + 3;
        }
        // A numbered rural route without a box ("RR 2"); "Route 9" after a house number is a road, read elsewhere.
        return routeNumber && (i == 0 || !NUMBER.matcher(w.get(i - 1)).matches()) ? routeEnd : -1;
    }

    /** The words as one text; a part typed all in lower case gets capital initials, else it is kept as typed. */
    private static String words(List<String> w) {
        String typed = String.join(" ", w);
        boolean lowerCase = typed.equals(typed.toLowerCase(Locale.ROOT));
        return lowerCase ? w.stream().map(AddressReader::capitalised).collect(Collectors.joining(" ")) : typed;
    }

    /** A lower-case word as it is usually written: "st" gives "St", "ne" gives "NE", "4b" gives "4B", "1st" stays. */
    private static String capitalised(String word) {
        String k = key(word);
        if (DIRECTIONS.contains(k) || CAPITALS.contains(k) || word.matches("#?\\d+[a-z]?")) {
            return word.toUpperCase(Locale.ROOT);
        }
        return word.matches("\\d.*") ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** A city's words compared loosely: "St. Paul", "St Paul" and "saint paul" give "saint paul". */
    private static String cityKey(List<String> words) {
        return words.stream().map(AddressReader::key)
                .map(k -> k.equals("st") ? "saint" : k).collect(Collectors.joining(" "));
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "");
    }

    private static String last(List<String> w) {
        return w.isEmpty() ? "" : w.get(w.size() - 1);
    }

    private static void dropTrailingBreak(List<String> w) {
        while (last(w).equals(BREAK)) {
            w.remove(w.size() - 1);
        }
    }

    /** The lines of a resource in {@code address/}, in lower case without periods, skipping blanks and # comments. */
    private static Set<String> load(String name) {
        try (InputStream in = AddressReader.class.getResourceAsStream("/address/" + name)) {
            if (in == null) {
                throw new IllegalStateException("address/" + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(AddressReader::key).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
