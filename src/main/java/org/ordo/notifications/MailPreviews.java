package org.ordo.notifications;

/** A message of any kind as it would be sent, to a made-up customer about a made-up order, for the admin preview. */
public interface MailPreviews {

    /** {@code language} is one of the customers' languages ({@code en}, {@code zh-CN}); any other is English. */
    Preview preview(MessageKind kind, String language);

    record Preview(String subject, String html, String text) {}
}
