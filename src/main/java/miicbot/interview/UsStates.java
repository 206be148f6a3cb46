package miicbot.interview;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** US states, DC and territories by postal code and name, for the mailing address. */
final class UsStates {
    private static final Map<String, String> CODE_BY_NAME = new TreeMap<>();

    static {
        String[] pairs = {
            "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California",
            "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida",
            "GA", "Georgia", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa",
            "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland",
            "MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri",
            "MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey",
            "NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio",
            "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina",
            "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
            "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming",
            "AS", "American Samoa", "GU", "Guam", "MP", "Northern Mariana Islands", "PR", "Puerto Rico",
            "VI", "U.S. Virgin Islands", "AA", "Armed Forces Americas", "AE", "Armed Forces Europe",
            "AP", "Armed Forces Pacific"};
        for (int i = 0; i < pairs.length; i += 2) {
            CODE_BY_NAME.put(key(pairs[i]), pairs[i]);
            CODE_BY_NAME.put(key(pairs[i + 1]), pairs[i]);
        }
        // The older abbreviations people still write in addresses ("Minn.", "Wis."), as the GPO style manual lists.
        String[] older = {
            "MN", "Minn", "WI", "Wis", "WI", "Wisc", "ND", "N Dak", "SD", "S Dak", "MI", "Mich",
            "IL", "Ill", "CA", "Calif", "FL", "Fla", "TX", "Tex", "MA", "Mass", "AZ", "Ariz", "CO", "Colo",
            "CT", "Conn", "NE", "Nebr", "OK", "Okla", "OR", "Ore", "TN", "Tenn", "KS", "Kans", "PA", "Penn"};
        for (int i = 0; i < older.length; i += 2) {
            CODE_BY_NAME.put(key(older[i + 1]), older[i]);
        }
    }

    private UsStates() {
    }

    /** The postal code for a code or name in any letter case ("mn", "Minnesota" → "MN"), or null. */
    static String code(String text) {
        return CODE_BY_NAME.get(key(text));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace(".", "").strip();
    }
}
