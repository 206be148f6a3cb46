package miicbot.interview;

import static miicbot.interview.AddressWords.BREAK;
import static miicbot.interview.AddressWords.CITIES;
import static miicbot.interview.AddressWords.COUNTRIES;
import static miicbot.interview.AddressWords.COUNTY_WORDS;
import static miicbot.interview.AddressWords.DIRECTIONS;
import static miicbot.interview.AddressWords.HOME_COUNTRY;
import static miicbot.interview.AddressWords.LONG_DIRECTIONS;
import static miicbot.interview.AddressWords.NAMES_ENDING_A_STREET;
import static miicbot.interview.AddressWords.NUMBER;
import static miicbot.interview.AddressWords.ROAD_LETTER;
import static miicbot.interview.AddressWords.ROAD_WORDS;
import static miicbot.interview.AddressWords.SUFFIXES;
import static miicbot.interview.AddressWords.UNITS;
import static miicbot.interview.AddressWords.cityKey;
import static miicbot.interview.AddressWords.isUnit;
import static miicbot.interview.AddressWords.key;
import static miicbot.interview.AddressWords.last;
import static miicbot.interview.AddressWords.poBoxEnd;
import static miicbot.interview.AddressWords.unitEnd;
import static miicbot.interview.AddressWords.words;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
        AddressEnd.takeTail(w, HOME_COUNTRY);
        String zip = AddressEnd.takeZip(w);
        List<String> country = AddressEnd.takeTail(w, COUNTRIES);   // also before a foreign postal code: "Mexico 44100"
        if (!country.isEmpty() && !CITIES.contains(cityKey(country))) {   // Jordan is also a Minnesota city
            return List.of(FOREIGN);
        }
        String state = AddressEnd.takeState(w, !zip.isEmpty());
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
        boolean named = w.subList(1, Math.max(1, other)).stream().map(AddressWords::key)
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
}
