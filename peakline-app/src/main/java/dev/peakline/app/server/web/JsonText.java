package dev.peakline.app.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Every text the API reads from JSON: at most {@link #MAX_CHARS} characters and no control characters other than tab
 * and line breaks (a NUL cannot be stored by PostgreSQL, and none belongs in a name, a comment or a code). A refused
 * text is answered 400 with the field's path; fields with tighter limits (names: 100–200) check them in their forms.
 */
public final class JsonText extends StdScalarDeserializer<String> {
    /** The longest text any field takes: room for a long comment, far below what would break an export. */
    public static final int MAX_CHARS = 2_000;

    public JsonText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String s = StringDeserializer.instance.deserialize(p, ctxt);
        String why = problem(s);
        if (why != null) {
            throw new Refused(p, why);
        }
        return s;
    }

    /** A text refused for its length or characters; the message says why, never repeats the text. */
    public static final class Refused extends JsonMappingException {
        Refused(JsonParser p, String why) {
            super(p, why);
        }
    }

    /** Why a text is refused, or null. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() > MAX_CHARS) {
            return "a text of " + s.length() + " characters is longer than the " + MAX_CHARS + " any field takes";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "the text contains the control character U+" + String.format("%04X", (int) c) + " at position "
                        + (i + 1);
            }
        }
        return null;
    }
}
