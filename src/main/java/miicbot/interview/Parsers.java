package miicbot.interview;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miicbot.engine.Parsed;

/**
 * Reads typed answers. A bad answer is not an exception: each reader returns {@link Parsed.Problem} with a message
 * key that says what to fix.
 */
public final class Parsers {
    private static final int MAX_NAME = 80;
    private static final int MAX_LINE = 120;
    // Letters and combining marks of any script, with the separators names use: space, apostrophes, hyphen, period.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}]+(?:[ '’.\\-]+[\\p{L}\\p{M}]*)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    // Digits with the usual separators, then an optional extension: "ext 12", "ext. 12", "extension 12", "x12".
    private static final Pattern PHONE = Pattern.compile(
            "(\\+?[0-9()\\-. ]+?)(?:,? *(?:ext\\.?|extension|x) *(\\d{1,6}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?(\\d{4}))?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})[/\\-.](\\d{1,2})[/\\-.](\\d{2,4})");
    private static final Pattern MONTH_FIRST = Pattern.compile("(\\p{L}+)\\.? (\\d{1,2}),? (\\d{2,4})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2}) (?:de )?(\\p{L}+)\\.?,? (?:de )?(\\d{2,4})");
    private static final int OLDEST_AGE = 120;

    private Parsers() {
    }

    /** A person's name: letters of any script, spaces, apostrophes, hyphens, periods. */
    public static Parsed personName(String text, LocalDate today) {
        String name = clean(text);
        if (name.isEmpty()) {
            return new Parsed.Problem("invalid.empty");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            return new Parsed.Problem("invalid.too_long", Map.of("max", String.valueOf(MAX_NAME)));
        }
        if (!NAME.matcher(name).matches()) {
            return new Parsed.Problem("invalid.name");
        }
        return new Parsed.Ok(name);
    }

    /** A free line such as a street address or a clinic's name: any printable text, up to 120 characters. */
    public static Parsed line(String text, LocalDate today) {
        String line = clean(text);
        if (line.isEmpty()) {
            return new Parsed.Problem("invalid.empty");
        }
        if (line.codePointCount(0, line.length()) > MAX_LINE) {
            return new Parsed.Problem("invalid.too_long", Map.of("max", String.valueOf(MAX_LINE)));
        }
        if (line.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new Parsed.Problem("invalid.line");
        }
        return new Parsed.Ok(line);
    }

    /** The street part of an address, asked alone: it has a house or PO box number (a name alone is not a street). */
    public static Parsed street(String text, LocalDate today) {
        Parsed line = line(text, today);
        if (line instanceof Parsed.Ok ok && ok.value().codePoints().noneMatch(Character::isDigit)) {
            return new Parsed.Problem("street.invalid.no_number");
        }
        return line;
    }

    /** Other names the child was known by; several may be separated by commas. */
    public static Parsed otherNames(String text, LocalDate today) {
        Parsed line = line(text, today);
        if (line instanceof Parsed.Ok ok) {
            for (String name : ok.value().split(",")) {
                if (!NAME.matcher(name.strip()).matches()) {
                    return new Parsed.Problem("invalid.name");
                }
            }
        }
        return line;
    }

    /**
     * A US phone number in any common form: 651-555-0123, (651) 555-0123, 651.555.0123, 6515550123, +1 651 555 0123,
     * 1-651-555-0123. Normalised to 651-555-0123. An extension ("ext 12", "ext. 12", "x12", "extension 12") is kept
     * as "651-555-0123 ext 12", because MDH may call a work number. Anything else (letters, 9 digits, 12 or more
     * digits, an area code or exchange starting with 0 or 1, which no US number has) is refused.
     */
    public static Parsed phone(String text, LocalDate today) {
        Matcher m = PHONE.matcher(clean(text));
        if (!m.matches()) {
            return new Parsed.Problem("invalid.phone");
        }
        String digits = m.group(1).replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10 || digits.charAt(0) < '2' || digits.charAt(3) < '2') {
            return new Parsed.Problem("invalid.phone");
        }
        String number = digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
        return new Parsed.Ok(m.group(2) == null ? number : number + " ext " + m.group(2));
    }

    /** An e-mail address, loosely checked: something@domain.tld. */
    public static Parsed email(String text, LocalDate today) {
        String email = clean(text);
        if (email.length() > MAX_LINE || !EMAIL.matcher(email).matches()) {
            return new Parsed.Problem("invalid.email");
        }
        return new Parsed.Ok(email);
    }

    /** A US state or territory, by its two-letter code or its name; normalised to the code. */
    public static Parsed state(String text, LocalDate today) {
        String code = UsStates.code(clean(text));
        return code == null ? new Parsed.Problem("invalid.state") : new Parsed.Ok(code);
    }

    /** A ZIP code of 5 digits or ZIP+4; normalised to 55101 or 55101-1234. */
    public static Parsed zip(String text, LocalDate today) {
        Matcher m = ZIP.matcher(clean(text));
        if (!m.matches()) {
            return new Parsed.Problem("invalid.zip");
        }
        return new Parsed.Ok(m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2));
    }

    /**
     * A birth date in any of the usual forms (2019-03-14, 3/14/2019, 03-14-2019, March 14 2019, 14 March 2019,
     * 14 de marzo de 2019, 14 Maarso 2019); never in the future, nor more than 120 years ago; normalised to ISO.
     * Numbers are month first, as on US forms; a day typed first (14/3/2019) gets a hint, not a guess.
     */
    public static Parsed birthDate(String text, LocalDate today) {
        String s = clean(text).toLowerCase(Locale.ROOT).replace(',', ' ').replaceAll("\\s+", " ").strip();
        int year;
        int month;
        int day;
        Matcher m;
        if ((m = ISO.matcher(s)).matches()) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
        } else if ((m = US.matcher(s)).matches()) {
            month = Integer.parseInt(m.group(1));
            day = Integer.parseInt(m.group(2));
            year = Integer.parseInt(m.group(3));
            if (m.group(3).length() != 4) {
                return new Parsed.Problem("invalid.date.year");
            }
            if (month > 12 && day >= 1 && day <= 12 && month <= Month.of(day).length(Year.isLeap(year))) {
                // Most of the world writes day/month/year (14/3/2019). Reading it so could silently swap a date
                // such as 5/3/2019, so say the form's order and show the date written that way.
                return new Parsed.Problem("invalid.date.day_first", Map.of("date", day + "/" + month + "/" + year));
            }
        } else if ((m = MONTH_FIRST.matcher(s)).matches() && Months.number(m.group(1)) > 0) {
            month = Months.number(m.group(1));
            day = Integer.parseInt(m.group(2));
            if (m.group(3).length() != 4) {
                return new Parsed.Problem("invalid.date.year");
            }
            year = Integer.parseInt(m.group(3));
        } else if ((m = DAY_FIRST.matcher(s)).matches() && Months.number(m.group(2)) > 0) {
            day = Integer.parseInt(m.group(1));
            month = Months.number(m.group(2));
            if (m.group(3).length() != 4) {
                return new Parsed.Problem("invalid.date.year");
            }
            year = Integer.parseInt(m.group(3));
        } else {
            return new Parsed.Problem("invalid.date.format");
        }
        if (month < 1 || month > 12) {
            return new Parsed.Problem("invalid.date.month");
        }
        int daysInMonth = Month.of(month).length(Year.isLeap(year));
        if (day < 1 || day > daysInMonth) {
            return new Parsed.Problem("invalid.date.day", Map.of("days", String.valueOf(daysInMonth)));
        }
        LocalDate date = LocalDate.of(year, month, day); // the patterns keep the year within 0..9999
        if (date.isAfter(today)) {
            return new Parsed.Problem("invalid.date.future");
        }
        if (date.isBefore(today.minusYears(OLDEST_AGE))) {
            return new Parsed.Problem("invalid.date.past");
        }
        return new Parsed.Ok(date.toString());
    }

    /**
     * Strips the answer and removes invisible format characters (zero-width spaces, direction marks) and control
     * characters, which a parent never means to type and a clerk could not read.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> Character.getType(cp) != Character.FORMAT && !Character.isISOControl(cp))
                .forEach(out::appendCodePoint);
        return out.toString().strip().replaceAll("\\s+", " ");
    }
}
