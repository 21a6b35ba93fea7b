package org.ordo.integration;

import org.ordo.shared.FieldRule;

/** Rules of a webhook subscription. */
public enum WebhookRule implements FieldRule {
    /** Events leave the company signed but readable: only over TLS, except to this machine (a local relay, a test). */
    HTTPS_URL("webhook-https-url", "must be an absolute https URL (http only to localhost)"),
    SECRET_FORMAT("webhook-secret-format", "must be whsec_ followed by a base64 key of 24 to 64 bytes"),
    EVENT_TYPE("webhook-event-type", "must be * or one of: {0}");

    private final String code;
    private final String message;

    WebhookRule(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String message() {
        return message;
    }
}
