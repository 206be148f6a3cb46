package miicbot.interview;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Where a parent sends the signed request. These facts are partly unconfirmed, so they live in one data file,
 * {@code submission.json}, with their sources, and the bot always tells parents to check MDH's current instructions.
 */
public record Submission(String recipient, List<String> mailingAddress, String streetAddress, String fax,
                         String email, String onlineForm, String checked, List<String> sources) {

    public Submission {
        mailingAddress = List.copyOf(mailingAddress);
        sources = List.copyOf(sources);
    }

    /** Reads {@code /submission.json} from the jar. */
    public static Submission load() {
        try (InputStream in = Submission.class.getResourceAsStream("/submission.json")) {
            if (in == null) {
                throw new IllegalStateException("submission.json missing from the jar");
            }
            return new ObjectMapper().readValue(in, Submission.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read submission.json", e);
        }
    }
}
