package org.ordo.platform.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every text of a request body: control characters (NUL and the like; tab and line breaks are text) and text-direction
 * overrides are refused for every field alike, since no name, reason or code holds them and many stores, files and printers break on them.
 */
final class PlainText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String text = super.deserialize(p, ctxt);
        if (text != null && text.chars().anyMatch(PlainText::isControl)) {
            throw new ControlCharacters(p, "must not contain control characters such as NUL");
        }
        if (text != null && text.chars().anyMatch(PlainText::isDirectionOverride)) {
            throw new ControlCharacters(p, "must not contain text-direction override characters such as U+202E");
        }
        return text;
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /**
     * Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) make a text display other than it reads ("Trojan
     * Source"): a reference or name on an invoice could pose as another. Right-to-left scripts need none of them.
     */
    private static boolean isDirectionOverride(int c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A text with a control character: answered 400 naming its field. */
    static final class ControlCharacters extends MismatchedInputException {

        ControlCharacters(JsonParser p, String message) {
            super(p, message, String.class);
        }
    }
}
