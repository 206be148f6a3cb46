package miicbot.interview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words {@link AddressReader} knows (Minnesota cities, street types and countries from the resources in
 * {@code address/}, units, directions, PO box and route words) and how it compares and writes them.
 */
final class AddressWords {
    static final Set<String> CITIES = load("mn-cities.txt").stream()
            .map(city -> cityKey(List.of(city.split(" ")))).collect(Collectors.toUnmodifiableSet());
    static final Set<String> SUFFIXES = load("street-suffixes.txt");
    static final Set<String> COUNTRIES = load("countries.txt");
    static final Set<String> UNITS = Set.of("apt", "apartment", "unit", "ste", "suite", "lot", "bldg",
            "building", "fl", "floor", "rm", "room", "spc", "trlr");
    static final Set<String> DIRECTIONS = Set.of("n", "s", "e", "w", "ne", "nw", "se", "sw");
    static final Set<String> LONG_DIRECTIONS = Set.of("north", "south", "east", "west", "northeast",
            "northwest", "southeast", "southwest");
    static final Set<String> HOME_COUNTRY = Set.of("usa", "us", "united states", "united states of america");
    static final Set<String> PO_WORDS = Set.of("po", "p", "o", "post", "office");
    // Rural route, highway contract: "RR 2 Box 15", "HC 1 Box 30", "Route 3 Box 12", "Rural Route 2".
    static final Set<String> ROUTES = Set.of("rr", "hc", "route", "rte");
    static final Set<String> CAPITALS = Set.of("po", "p", "o", "rr", "hc", "us", "csah", "cr");
    // A street's whole name that needs no street-type word after it: "233 S Broadway".
    static final Set<String> NAMES_ENDING_A_STREET = Set.of("broadway");
    static final Set<String> COUNTY_WORDS = Set.of("county", "co", "cty");
    static final Set<String> ROAD_WORDS = Set.of("road", "rd");
    // A county road's letter, with a number or not: Ramsey County's "County Road B2", "County Road D".
    static final Pattern ROAD_LETTER = Pattern.compile("[A-Za-z]\\d?");
    static final String BREAK = ",";
    // A house number: "1215", "12B", "12-14", "1/2".
    static final Pattern NUMBER = Pattern.compile("\\d+[A-Za-z]?(?:-\\d+[A-Za-z]?)?|\\d+/\\d+");

    private AddressWords() {
    }

    /** Whether a unit starts at {@code i}: "Apt 4", "Unit B", "# 4" or "#4". */
    static boolean isUnit(List<String> w, int i) {
        return UNITS.contains(key(w.get(i))) || w.get(i).startsWith("#");
    }

    /** Where the unit starting at {@code i} ends: after "#4", or after the word following "Apt" or "#". */
    static int unitEnd(List<String> w, int i) {
        return Math.min(w.size(), i + (w.get(i).startsWith("#") && w.get(i).length() > 1 ? 1 : 2));
    }

    /**
     * Where a box or rural route starting at {@code i} ends ("PO Box 123", "P.O. Box 123", "Box # 63", "RR 2 Box 15",
     * "Rural Route 2", "HC 1 Box 30", "Route Box # 100"), or -1.
     */
    static int poBoxEnd(List<String> w, int i) {
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
    static String words(List<String> w) {
        String typed = String.join(" ", w);
        boolean lowerCase = typed.equals(typed.toLowerCase(Locale.ROOT));
        return lowerCase ? w.stream().map(AddressWords::capitalised).collect(Collectors.joining(" ")) : typed;
    }

    /** A lower-case word as it is usually written: "st" gives "St", "ne" gives "NE", "4b" gives "4B", "1st" stays. */
    static String capitalised(String word) {
        String k = key(word);
        if (DIRECTIONS.contains(k) || CAPITALS.contains(k) || word.matches("#?\\d+[a-z]?")) {
            return word.toUpperCase(Locale.ROOT);
        }
        return word.matches("\\d.*") ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** A city's words compared loosely: "St. Paul", "St Paul" and "saint paul" give "saint paul". */
    static String cityKey(List<String> words) {
        return words.stream().map(AddressWords::key)
                .map(k -> k.equals("st") ? "saint" : k).collect(Collectors.joining(" "));
    }

    static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "");
    }

    static String last(List<String> w) {
        return w.isEmpty() ? "" : w.get(w.size() - 1);
    }

    static void dropTrailingBreak(List<String> w) {
        while (last(w).equals(BREAK)) {
            w.remove(w.size() - 1);
        }
    }

    /** The lines of a resource in {@code address/}, in lower case without periods, skipping blanks and # comments. */
    static Set<String> load(String name) {
        try (InputStream in = AddressWords.class.getResourceAsStream("/address/" + name)) {
            if (in == null) {
                throw new IllegalStateException("address/" + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(AddressWords::key).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
