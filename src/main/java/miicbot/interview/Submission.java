package miicbot.interview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Where a parent sends the signed request. The facts are partly unconfirmed, so they live in one data file,
 * {@code submission.json}: each route with its source and how sure we are of it. Parents see the routes in order
 * of evidence (MDH's own online form first), routes we only know as the Immunization Program's contacts under an
 * "ask first" line, and unconfirmed ones not at all.
 */
public record Submission(List<Route> routes, Checked checked) {

    public Submission {
        routes = List.copyOf(routes);
        Objects.requireNonNull(checked);
        if (routes.stream().noneMatch(r -> r.confidence() == Confidence.CONFIRMED)) {
            throw new IllegalArgumentException("submission.json names no route MDH confirms for privacy changes");
        }
    }

    /** How a request can reach MDH. */
    public enum Kind { ONLINE_FORM, EMAIL, PHONE, MAIL, FAX }

    /** How sure we are that a route takes privacy requests, strongest first: the order parents see. */
    public enum Confidence {
        /** MDH's own pages name it for privacy changes. */
        CONFIRMED,
        /** MIIC's own contact, not named by MDH for privacy changes. */
        MIIC_CONTACT,
        /** The Immunization Program's contact (2015 manual); parents ask the MIIC help desk first. */
        PROGRAM_CONTACT,
        /** Seen in no MDH source: kept in the file for the record, never shown. */
        UNCONFIRMED
    }

    /** One route: its kind, a name, its address as lines (an envelope's lines for mail), source and confidence. */
    public record Route(Kind kind, String name, List<String> address, Confidence confidence, String source) {
        public Route {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(name);
            address = List.copyOf(address);
            Objects.requireNonNull(confidence);
            if (address.isEmpty() || source == null || source.isBlank()) {
                throw new IllegalArgumentException("route " + name + " needs an address and a source");
            }
        }

        String key() {
            return kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** What was last checked, and when: only that may be called "checked" in a text. */
    public record Checked(LocalDate date, String what) {
        public Checked {
            Objects.requireNonNull(date);
            Objects.requireNonNull(what);
        }
    }

    /** The routes parents see, strongest evidence first; the file's order within one confidence. */
    public List<Route> shown() {
        return routes.stream().filter(r -> r.confidence() != Confidence.UNCONFIRMED)
                .sorted(Comparator.comparing(Route::confidence)).toList();
    }

    /**
     * The routes as texts, one per route, strongest first: {@code prefix + kind} (e.g. {@code done.route.mail})
     * with {@code {name}} and {@code {address}} (lines joined by {@code separator}), and {@code prefix + "others"}
     * once before the first route parents should ask about first.
     */
    public List<String> describe(BiFunction<String, Map<String, ?>, String> text, String prefix, String separator) {
        List<String> lines = new ArrayList<>(describe(text, prefix, separator, false));
        lines.addAll(describe(text, prefix, separator, true));
        return lines;
    }

    /**
     * Part of {@link #describe(BiFunction, String, String)}: the routes parents can use as they are, or
     * ({@code askFirst}) only those to ask about first, after the {@code prefix + "others"} line; empty when
     * there are none.
     */
    public List<String> describe(BiFunction<String, Map<String, ?>, String> text, String prefix, String separator,
                                 boolean askFirst) {
        List<String> lines = new ArrayList<>();
        for (Route route : shown()) {
            if ((route.confidence() == Confidence.PROGRAM_CONTACT) != askFirst) {
                continue;
            }
            if (askFirst && lines.isEmpty()) {
                lines.add(text.apply(prefix + "others", Map.of()));
            }
            lines.add(text.apply(prefix + route.key(),
                    Map.of("name", route.name(), "address", String.join(separator, route.address()))));
        }
        return lines;
    }

    /** Reads {@code /submission.json} from the jar. */
    public static Submission load() {
        try (InputStream in = Submission.class.getResourceAsStream("/submission.json")) {
            if (in == null) {
                throw new IllegalStateException("submission.json missing from the jar");
            }
            return new ObjectMapper().registerModule(new JavaTimeModule()).readValue(in, Submission.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read submission.json", e);
        }
    }
}
