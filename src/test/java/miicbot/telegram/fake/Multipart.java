package miicbot.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal multipart/form-data reader: text fields, and file parts with their names and bytes. */
final class Multipart {
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    // Quoted as RFC 7578 writes it, or bare as some clients (grammY) send it and Telegram accepts.
    private static final Pattern FILE_NAME = Pattern.compile("filename=(?:\"([^\"]*)\"|([^;\\s]+))");

    record FilePart(String fileName, byte[] bytes) { }

    final Map<String, String> fields = new HashMap<>();
    final Map<String, FilePart> files = new HashMap<>();

    static Multipart parse(byte[] body, String contentType) {
        Multipart result = new Multipart();
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = next - 2; // CRLF before the next delimiter
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, Math.max(contentStart, contentEnd));
            Matcher name = NAME.matcher(headers);
            Matcher fileName = FILE_NAME.matcher(headers);
            if (name.find()) {
                if (fileName.find()) {
                    String file = fileName.group(1) != null ? fileName.group(1) : fileName.group(2);
                    result.files.put(name.group(1), new FilePart(file, content));
                } else {
                    result.fields.put(name.group(1), new String(content, StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
        return result;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
