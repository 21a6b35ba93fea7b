package org.ordo.intake.internal;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.ordo.intake.MailOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads purchase orders from a mailbox over IMAP, only where {@code ordo.intake.imap.host} is set: every unread
 * message's PDF and text attachments (or, without any, its plain-text body) become drafts, and the message is marked
 * read. A message is taken once: its Message-ID is kept with the draft, so a message read again, by another node or
 * after a failure to mark it, makes no second draft.
 */
@Component
@ConditionalOnProperty(prefix = "ordo.intake.imap", name = "host")
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** Where the mailbox is; {@code ssl} for IMAPS. */
    record Mailbox(String host, int port, boolean ssl, String username, String password, String folder) {}

    private final MailOrders mailOrders;
    private final Mailbox mailbox;

    MailboxPoller(
            MailOrders mailOrders,
            @Value("${ordo.intake.imap.host}") String host,
            @Value("${ordo.intake.imap.port:993}") int port,
            @Value("${ordo.intake.imap.ssl:true}") boolean ssl,
            @Value("${ordo.intake.imap.username:}") String username,
            @Value("${ordo.intake.imap.password:}") String password,
            @Value("${ordo.intake.imap.folder:INBOX}") String folder) {
        this(mailOrders, new Mailbox(host, port, ssl, username, password, folder));
    }

    MailboxPoller(MailOrders mailOrders, Mailbox mailbox) {
        this.mailOrders = mailOrders;
        this.mailbox = mailbox;
    }

    @Scheduled(fixedDelayString = "${ordo.intake.imap.poll-interval:PT1M}", initialDelayString = "PT30S")
    void scheduledPoll() {
        try {
            poll();
        } catch (MessagingException e) {
            log.warn("Reading the purchase-order mailbox {} failed: {}", mailbox.host(), e.getMessage());
        }
    }

    /** Takes every unread message; answers how many drafts were made or found again. */
    int poll() throws MessagingException {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        try {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                int drafts = 0;
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    drafts += take(message);
                }
                return drafts;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private int take(Message message) throws MessagingException {
        String sender = sender(message.getFrom());
        String[] ids = message.getHeader("Message-ID");
        String messageId = ids == null || ids.length == 0 ? null : ids[0];
        int drafts = 0;
        try {
            List<MailOrders.Incoming> documents = documents(message, sender, messageId);
            for (MailOrders.Incoming document : documents) {
                mailOrders.receive(document);
                drafts++;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Message {} from {} could not be taken: {}", messageId, sender, e.getMessage());
            return drafts;
        }
        message.setFlag(Flags.Flag.SEEN, true);
        return drafts;
    }

    /** The message's PDF and text attachments, or without any its plain-text body. */
    private static List<MailOrders.Incoming> documents(Message message, String sender, String messageId)
            throws MessagingException, IOException {
        List<Part> attachments = new ArrayList<>();
        List<Part> bodies = new ArrayList<>();
        collect(message, attachments, bodies);
        List<Part> taken = attachments.isEmpty() ? bodies.stream().limit(1).toList() : attachments;
        List<MailOrders.Incoming> documents = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            Part part = taken.get(i);
            String name = part.getFileName() == null ? "message.txt" : part.getFileName();
            String id = messageId == null ? null : taken.size() == 1 ? messageId : messageId + "#" + (i + 1);
            try (InputStream in = part.getInputStream()) {
                documents.add(new MailOrders.Incoming(
                        name, part.getContentType(), in.readAllBytes(), sender, message.getSubject(), id));
            }
        }
        return documents;
    }

    private static void collect(Part part, List<Part> attachments, List<Part> bodies)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), attachments, bodies);
            }
            return;
        }
        String name = part.getFileName() == null ? "" : part.getFileName().toLowerCase(Locale.ROOT);
        boolean document = part.isMimeType("application/pdf") || name.endsWith(".pdf") || name.endsWith(".txt");
        if (document || (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.isMimeType("text/plain"))) {
            attachments.add(part);
        } else if (part.isMimeType("text/plain")) {
            bodies.add(part);
        }
    }

    private static String sender(Address[] from) {
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
    }
}
