package org.ordo.platform.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every text of a request body: control characters (NUL and the like; tab and line breaks are text) are refused for every
 * field alike, since no name, reason or code holds them and many stores, files and printers break on them.
 */
final class PlainText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String text = super.deserialize(p, ctxt);
        if (text != null && text.chars().anyMatch(PlainText::isControl)) {
            throw new ControlCharacters(p);
        }
        return text;
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** A text with a control character: answered 400 naming its field. */
    static final class ControlCharacters extends MismatchedInputException {

        ControlCharacters(JsonParser p) {
            super(p, "must not contain control characters such as NUL", String.class);
        }
    }
}
