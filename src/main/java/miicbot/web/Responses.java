package miicbot.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One short answer with its status, and how it is written to Jetty's response. */
record Responses(int status, String contentType, String body, boolean closeConnection) {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json";

    static Responses text(int status, String text) {
        return new Responses(status, TEXT, text, false);
    }

    /** As {@link #text}, and the connection is closed after it (what was not read of the request is dropped). */
    static Responses closing(int status, String text) {
        return new Responses(status, TEXT, text, true);
    }

    /** Writes this answer; {@code callback} is completed when it is sent (or failed). */
    void send(Response response, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (closeConnection) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        Content.Sink.write(response, true, body, callback);
    }
}
