package org.ordo.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.intake.MailOrders;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Purchase orders read from an IMAP mailbox (GreenMail on a free loopback port, started by the test). */
@OrdoTest
class MailboxPollerTests {

    @Autowired
    MailOrders mailOrders;

    GreenMail imap;
    MailboxPoller poller;

    @BeforeEach
    void startMailbox() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        imap.setUser("orders@ordo.example", "orders", "secret");
        poller = new MailboxPoller(
                mailOrders, new MailboxPoller.Mailbox("127.0.0.1", port, false, "orders", "secret", "INBOX"));
    }

    @AfterEach
    void stopMailbox() {
        imap.stop();
    }

    private MimeMessage message(String messageId, String subject, byte[] pdf) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("buyer@customer.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("orders@ordo.example"));
        message.setSubject(subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please find our purchase order attached.");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("po-4711.pdf");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        return message;
    }

    @Test
    void anUnreadMessagesPdfAttachmentBecomesADraftOnceAndTheMessageIsMarkedRead() throws Exception {
        String messageId = "<" + java.util.UUID.randomUUID() + "@customer.example>";
        PurchaseOrderPdfs.Po po = PurchaseOrderPdfs.make(
                PurchaseOrderPdfs.Layout.TABLE,
                "PO-4711",
                "Some Buyer",
                MatchingAccuracyTests.CATALOG,
                3,
                new Random(3));
        imap.getUserManager().getUser("orders").deliver(message(messageId, "Our order", po.pdf()));

        assertThat(poller.poll()).isEqualTo(1);
        assertThat(poller.poll()).isZero();

        List<MailOrders.Document> drafts = mailOrders.recent(100).stream()
                .filter(d -> "po-4711.pdf".equals(d.fileName()) && "Our order".equals(d.subject()))
                .toList();
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.sender()).isEqualTo("buyer@customer.example");
            assertThat(d.poNumber()).isEqualTo("PO-4711");
            assertThat(d.lines()).isEqualTo(3);
        });
        assertThat(imap.getReceivedMessages()[0].getFlags().contains(Flags.Flag.SEEN))
                .isTrue();
    }

    @Test
    void aMessageReadAgainMakesNoSecondDraft() throws Exception {
        String messageId = "<" + java.util.UUID.randomUUID() + "@customer.example>";
        byte[] pdf = PurchaseOrderPdfs.imageOnly();
        MailOrders.Draft first = mailOrders.receive(new MailOrders.Incoming(
                "po-4711.pdf", "application/pdf", pdf, "buyer@customer.example", "Again", messageId));
        imap.getUserManager().getUser("orders").deliver(message(messageId, "Sent again", pdf));

        assertThat(poller.poll()).isEqualTo(1);

        assertThat(mailOrders.recent(500))
                .noneMatch(d -> "Sent again".equals(d.subject()))
                .anyMatch(d -> d.id().equals(first.document().id()));
    }
}
