package org.ordo.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderPromiseChanged;
import org.ordo.orders.OrderStatus;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.PostgresInitializer;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** E-mail to customers through a real SMTP server (GreenMail) on a free loopback port, started by the test. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "ordo.identity.throttle.max-failures=100000",
            "ordo.shipping.charging=false",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000",
            "ordo.notifications.send-delay=PT0.5S",
            "ordo.notifications.retry-backoff=PT1S",
            "ordo.notifications.portal-url=https://shop.example",
            "ordo.company.email=service@ordo.example",
            "ordo.notifications.sales-desk-email=sales-desk@ordo.example",
            "ordo.notifications.staff-emails.admin=admin-rep@ordo.example"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
class MailNotificationTests {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TestUsers users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = smtpServer();
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    @Test
    void aConfirmedOrderIsMailedOnceInTheCustomersLanguage() throws Exception {
        String email = mailbox("zh");
        UUID customer = flow.customer("CN", Map.of("email", email, "language", "zh-CN"));
        JsonNode order = confirmedOrder(customer, 2);
        String number = order.get("number").asString();

        MimeMessage mail = awaitMail(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("您的订单 " + number + " 已确认");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("zh-CN");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("service@ordo.example");
        String body = GreenMailUtil.getBody(mail);
        assertThat(text(mail, "text/html")).contains("https://shop.example/portal/orders/" + number, "感谢您的订购");
        assertThat(text(mail, "text/plain")).contains("感谢您的订购", number);
        assertThat(body).isNotBlank();

        // the event delivered again (as after a crash) sends nothing new
        flow.publish(new OrderPlaced(
                UUID.fromString(order.get("id").asString()),
                number,
                customer,
                "API",
                OrderStatus.CONFIRMED,
                new java.math.BigDecimal("20.00"),
                "EUR"));
        JsonNode messages = awaitMessages(customer, "SENT", 1);
        Thread.sleep(1500);
        assertThat(received(email)).hasSize(1);
        assertThat(admin.get("/api/customers/" + customer + "/messages")
                        .expect(200)
                        .json())
                .hasSize(1);
        assertThat(messages.get(0).get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
        assertThat(messages.get(0).get("language").asString()).isEqualTo("zh-CN");
    }

    @Test
    void anIssuedInvoiceArrivesWithItsPdfAtTheBillingAddressAndTheParcelAtTheOrderContact() throws Exception {
        String contact = mailbox("buyer");
        String billing = mailbox("ap");
        UUID customer = flow.customer("DE", Map.of("email", contact, "billingEmail", billing));
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 3);
        JsonNode order = flow.order(customer, sku, 3);
        flow.ship(order, warehouse, 1, 3);
        String invoiceNumber =
                flow.awaitInvoice(order.get("id").asString()).get("number").asString();

        MimeMessage invoiceMail = awaitMail(billing, 1).get(0);
        assertThat(invoiceMail.getSubject()).isEqualTo("Invoice " + invoiceNumber);
        assertThat(invoiceMail.getHeader("Content-Language")[0]).isEqualTo("en");
        BodyPart pdf = attachment(invoiceMail);
        assertThat(pdf.getFileName()).endsWith(".pdf").contains(invoiceNumber);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getInputStream().readNBytes(4)).isEqualTo("%PDF".getBytes());

        List<MimeMessage> toContact = awaitMail(contact, 2);
        MimeMessage shipped = toContact.stream()
                .filter(m -> subject(m).contains("has shipped"))
                .findFirst()
                .orElseThrow();
        assertThat(text(shipped, "text/html"))
                .contains("DHL", sku, "https://www.dhl.com/global-en/home/tracking/tracking-express.html");
        assertThat(toContact).noneMatch(m -> subject(m).startsWith("Invoice"));
    }

    @Test
    void aPaymentReminderArrivesOncePerLevelWithItsLetterInTheCustomersLanguage() throws Exception {
        String billing = mailbox("late");
        UUID customer = flow.customer(
                "CN", Map.of("email", mailbox("late-buyer"), "billingEmail", billing, "language", "zh-CN"));
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 1);
        JsonNode order = flow.order(customer, sku, 1);
        flow.ship(order, warehouse, 1, 1);
        JsonNode invoice = flow.awaitInvoice(order.get("id").asString());
        String number = invoice.get("number").asString();
        jdbc.update(
                "UPDATE invoice SET due_date = ? WHERE id = ?",
                java.sql.Date.valueOf(
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(8)),
                UUID.fromString(invoice.get("id").asString()));
        admin.post("/api/admin/jobs/dunning", null).expect(200);
        admin.post("/api/admin/jobs/dunning", null).expect(200);

        List<MimeMessage> toBilling = awaitMail(billing, 2);
        Thread.sleep(1500);
        List<MimeMessage> reminders = received(billing).stream()
                .filter(m -> subject(m).startsWith("付款提醒"))
                .toList();
        assertThat(reminders).hasSize(1);
        MimeMessage reminder = reminders.get(0);
        assertThat(reminder.getSubject()).isEqualTo("付款提醒：发票 " + number);
        assertThat(text(reminder, "text/plain")).contains("已逾期 8 天");
        BodyPart letter = attachment(reminder);
        assertThat(letter.getFileName()).endsWith("-reminder-1.pdf");
        assertThat(letter.getInputStream().readNBytes(4)).isEqualTo("%PDF".getBytes());
        assertThat(toBilling).isNotEmpty();
    }

    @Test
    void anSmtpOutageQueuesAndDeliversLater() throws Exception {
        String email = mailbox("outage");
        UUID customer = flow.customer("DE", Map.of("email", email));
        smtp.stop();
        try {
            confirmedOrder(customer, 1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode m = admin.get("/api/customers/" + customer + "/messages")
                        .expect(200)
                        .json();
                assertThat(m).hasSize(1);
                assertThat(m.get(0).get("status").asString()).isEqualTo("QUEUED");
                assertThat(m.get(0).get("attempts").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(m.get(0).get("lastError").asString()).isNotBlank();
            });
        } finally {
            smtp = smtpServer();
            smtp.start();
        }
        assertThat(awaitMail(email, 1)).hasSize(1);
        JsonNode sent = awaitMessages(customer, "SENT", 1);
        assertThat(sent.get(0).get("sentAt").isNull()).isFalse();
    }

    @Test
    void aCustomerWhoTurnedOffShippingNoticesGetsTheConfirmationButNoShippingNotice() throws Exception {
        String email = mailbox("quiet");
        UUID customer = flow.customer("DE", Map.of("email", email));
        Api own = Api.at(port).basic(users.user("CUSTOMER", customer), TestUsers.PASSWORD);
        JsonNode choices = own.put("/api/customers/" + customer + "/notifications", Map.of("off", List.of("SHIPPED")))
                .expect(200)
                .json();
        assertThat(choices.valueStream()
                        .filter(c -> c.get("kind").asString().equals("SHIPPED"))
                        .findFirst()
                        .orElseThrow()
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 1);
        JsonNode order = flow.order(customer, sku, 1);
        flow.ship(order, warehouse, 1, 1);
        flow.awaitInvoice(order.get("id").asString());

        // the invoice goes to the same address here: confirmation and invoice, no shipping notice
        List<MimeMessage> mails = awaitMail(email, 2);
        Thread.sleep(1500);
        assertThat(received(email))
                .extracting(MailNotificationTests::subject)
                .containsExactlyInAnyOrder(
                        "Your order " + order.get("number").asString() + " is confirmed",
                        "Invoice "
                                + flow.awaitInvoice(order.get("id").asString())
                                        .get("number")
                                        .asString());
        assertThat(mails).isNotEmpty();
    }

    @Test
    void theConfirmationAndTheInvoiceCannotBeTurnedOff() {
        UUID customer = flow.customer("DE", Map.of("email", mailbox("strict")));
        JsonNode refused = admin.put(
                        "/api/customers/" + customer + "/notifications",
                        Map.of("off", List.of("SHIPPED", "ORDER_CONFIRMED", "INVOICE_ISSUED")))
                .expect(400)
                .json();
        assertThat(refused.get("errors").valueStream().map(e -> e.get("code").asString()))
                .containsExactly("notification-transactional", "notification-transactional");
        assertThat(admin.get("/api/customers/" + customer + "/notifications")
                        .expect(200)
                        .json()
                        .valueStream())
                .allMatch(c -> c.get("enabled").asBoolean());
    }

    @Test
    void aCustomerReadsItsOwnMessagesAndNoOneElses() {
        UUID customer = flow.customer("DE", Map.of("email", mailbox("own")));
        UUID other = flow.customer("DE", Map.of("email", mailbox("other")));
        confirmedOrder(customer, 1);
        awaitMessages(customer, "SENT", 1);
        Api own = Api.at(port).basic(users.user("CUSTOMER", customer), TestUsers.PASSWORD);
        assertThat(own.get("/api/customers/" + customer + "/messages")
                        .expect(200)
                        .json())
                .hasSize(1);
        own.get("/api/customers/" + other + "/messages").expect(404);
        admin.get("/api/customers/" + UUID.randomUUID() + "/messages").expect(404);
    }

    @Test
    void anOrderOnHoldIsMailedToTheStaffUserWhoPlacedItOrElseTheSalesDeskAndNeverShownToTheCustomer() throws Exception {
        UUID customer =
                flow.customer("DE", Map.of("email", mailbox("held"), "creditLimit", Fixtures.money("1.00", "EUR")));
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, fixtures.warehouse(), 2);
        JsonNode byAdmin = flow.order(customer, sku, 1);
        assertThat(byAdmin.get("status").asString()).isEqualTo("ON_HOLD");
        String number = byAdmin.get("number").asString();

        MimeMessage held = awaitMail("admin-rep@ordo.example", 1).stream()
                .filter(m -> subject(m).startsWith("Order " + number))
                .findFirst()
                .orElseThrow();
        assertThat(held.getSubject()).endsWith("is on hold");
        assertThat(text(held, "text/plain"))
                .contains(number, "internal message", "release or cancel", "Musterstraße 1");
        assertThat(text(held, "text/html"))
                .contains("https://shop.example/orders/" + byAdmin.get("id").asString());

        Api sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);
        String bySales = sales.post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();
        assertThat(awaitMail("sales-desk@ordo.example", 1))
                .anyMatch(m -> subject(m).startsWith("Order " + bySales));

        Api own = Api.at(port).basic(users.user("CUSTOMER", customer), TestUsers.PASSWORD);
        assertThat(own.get("/api/customers/" + customer + "/messages")
                        .expect(200)
                        .json())
                .isEmpty();
        assertThat(admin.get("/api/customers/" + customer + "/messages")
                        .expect(200)
                        .json())
                .extracting(m -> m.get("kind").asString())
                .containsOnly("ORDER_ON_HOLD");
    }

    @Test
    void aBackorderedLineIsToldWithItsPromisedDateAndAPromiseThatMovesIsToldOncePerNewDate() throws Exception {
        String email = mailbox("waiting");
        UUID customer = flow.customer("DE", Map.of("email", email));
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, fixtures.warehouse(), 1);
        JsonNode order = flow.order(customer, sku, 3);
        String number = order.get("number").asString();
        JsonNode line = order.get("lines").get(0);
        assertThat(line.get("backorderedQuantity").asLong()).isEqualTo(2);
        String promised = line.get("promisedDate").asString();

        MimeMessage backordered = awaitSubject(email, "Some items of your order " + number + " will come later");
        assertThat(text(backordered, "text/plain")).contains("2 x " + sku, promised);

        java.time.LocalDate from =
                java.time.LocalDate.parse(order.get("promisedDate").asString());
        OrderPromiseChanged moved = new OrderPromiseChanged(
                UUID.fromString(order.get("id").asString()), number, customer, from, from.plusDays(7), "PO-000001/1");
        flow.publish(moved);
        flow.publish(moved); // delivered again: the same date is told once
        MimeMessage later = awaitSubject(email, "New delivery date for your order " + number);
        assertThat(text(later, "text/plain"))
                .contains("We are sorry", from.plusDays(7).toString());
        Thread.sleep(1500);
        assertThat(received(email)).hasSize(3);
    }

    @Test
    void aParcelInTroubleTellsTheCustomerWhatHappensNextOnceAndTheDeliveryIsToldToo() throws Exception {
        String email = mailbox("parcel");
        UUID customer = flow.customer("DE", Map.of("email", email, "language", "zh-CN"));
        org.ordo.fulfillment.ShippingFixtures shipping = new org.ordo.fulfillment.ShippingFixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(org.ordo.fulfillment.ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 1);
        JsonNode order = shipping.order(customer, null, sku, 1);
        String number = order.get("number").asString();
        String shipment =
                shipping.plan(order.get("id").asString()).get(0).get("id").asString();
        shipping.pickAndPack(shipment);
        admin.post("/api/shipments/" + shipment + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200);
        admin.post(
                        "/api/shipments/" + shipment + "/events",
                        Map.of("type", "ADDRESS_PROBLEM", "reason", "house number missing"))
                .expect(200);

        MimeMessage problem = awaitSubject(email, "您的订单 " + number + " 派送出现问题");
        assertThat(text(problem, "text/plain")).contains("地址有误", "请回复正确的地址", "house number missing");
        assertThat(text(problem, "text/html")).contains("请回复正确的地址");

        admin.post("/api/shipments/" + shipment + "/events", Map.of("type", "DELIVERED"))
                .expect(200);
        MimeMessage delivered = awaitSubject(email, "您的订单 " + number + " 已送达");
        assertThat(text(delivered, "text/plain")).contains("14 天");
        Thread.sleep(1500);
        assertThat(received(email))
                .extracting(MailNotificationTests::subject)
                .filteredOn(s -> s.contains("派送出现问题"))
                .hasSize(1);
    }

    @Test
    void theInvoiceCarriesItsUblForACustomerWhoWantsItAndFurtherRecipientsGetTheirKindsOnce() throws Exception {
        String billing = mailbox("ap");
        String secondBox = mailbox("ap2");
        String warehouseManager = mailbox("goods-in");
        UUID customer = flow.customer("DE", Map.of("email", mailbox("buyer"), "billingEmail", billing));
        JsonNode choices = admin.put(
                        "/api/customers/" + customer + "/notifications",
                        Map.of(
                                "off", List.of(),
                                "wantsUblInvoices", true,
                                "additionalRecipients",
                                        Map.of(
                                                "INVOICE_ISSUED",
                                                List.of(secondBox.toUpperCase(), secondBox),
                                                "SHIPPED",
                                                List.of(warehouseManager))))
                .expect(200)
                .json();
        JsonNode invoiceChoice = choices.valueStream()
                .filter(c -> c.get("kind").asString().equals("INVOICE_ISSUED"))
                .findFirst()
                .orElseThrow();
        assertThat(invoiceChoice.get("attachments").valueStream().map(JsonNode::asString))
                .containsExactly("PDF", "UBL");
        assertThat(invoiceChoice.get("additionalRecipients").valueStream().map(JsonNode::asString))
                .containsExactly(secondBox);
        assertThat(choices.valueStream().map(c -> c.get("kind").asString())).doesNotContain("ORDER_ON_HOLD");

        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 1);
        JsonNode order = flow.order(customer, sku, 1);
        flow.ship(order, warehouse, 1, 1);
        flow.awaitInvoice(order.get("id").asString());

        for (String box : List.of(billing, secondBox)) {
            MimeMessage invoice = awaitMail(box, 1).get(0);
            assertThat(attachmentNames(invoice))
                    .hasSize(2)
                    .anyMatch(n -> n.endsWith(".pdf"))
                    .anyMatch(n -> n.endsWith(".xml"));
        }
        assertThat(awaitMail(warehouseManager, 1))
                .extracting(MailNotificationTests::subject)
                .containsExactly("Your order " + order.get("number").asString() + " has shipped");
        Thread.sleep(1500);
        assertThat(received(secondBox)).hasSize(1);
    }

    @Test
    void aWrongRecipientOrAnInternalKindIsRefused() {
        UUID customer = flow.customer("DE", Map.of("email", mailbox("picky")));
        JsonNode refused = admin.put(
                        "/api/customers/" + customer + "/notifications",
                        Map.of(
                                "off",
                                List.of("ORDER_ON_HOLD"),
                                "additionalRecipients",
                                Map.of("SHIPPED", List.of("x"))))
                .expect(400)
                .json();
        assertThat(refused.get("errors").valueStream().map(e -> e.get("code").asString()))
                .containsExactly("one-of");
        JsonNode wrongAddress = admin.put(
                        "/api/customers/" + customer + "/notifications",
                        Map.of("additionalRecipients", Map.of("SHIPPED", List.of("not an address"))))
                .expect(400)
                .json();
        assertThat(wrongAddress
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("code").asString()))
                .containsExactly("notification-email");
    }

    @Test
    void aReceivedReturnIsTold() throws Exception {
        String email = mailbox("returner");
        UUID customer = flow.customer("DE", Map.of("email", email));
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 1);
        JsonNode order = flow.order(customer, sku, 1);
        flow.ship(order, warehouse, 1, 1);
        JsonNode rma = admin.post(
                        "/api/orders/" + order.get("number").asString() + "/returns",
                        Map.of(
                                "resolution",
                                "REFUND",
                                "lines",
                                List.of(Map.of("lineNumber", 1, "quantity", 1, "reason", "DAMAGED"))))
                .expect(201)
                .json();
        String id = rma.get("id").asString();
        admin.post("/api/returns/" + id + "/approve", null).expect(200);
        admin.post("/api/returns/" + id + "/receive", Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 1))))
                .expect(200);
        MimeMessage received = awaitSubject(email, "Return " + rma.get("number").asString() + " received");
        assertThat(text(received, "text/plain")).contains("We are checking them now");
    }

    private static List<String> attachmentNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart p = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                    names.add(p.getFileName());
                } else {
                    names.addAll(attachmentNames(p));
                }
            }
        }
        return names;
    }

    @Test
    void aSentQuotationArrivesWithItsPdfInTheCustomersLanguageAndEachRevisionOnce() throws Exception {
        String email = mailbox("quote");
        UUID customer = flow.customer("CN", Map.of("email", email, "language", "zh-CN"));
        String sku = fixtures.product("10.00", "STANDARD");
        String id = admin.post(
                        "/api/quotations",
                        Map.of(
                                "customerId", customer.toString(),
                                "validUntil",
                                        java.time.LocalDate.now().plusDays(30).toString(),
                                "lines", List.of(Map.of("sku", sku, "quantity", 2))))
                .expect(201)
                .json()
                .get("id")
                .asString();
        String number = admin.post("/api/quotations/" + id + "/send", Map.of())
                .expect(200)
                .json()
                .get("number")
                .asString();

        MimeMessage mail = awaitMail(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("报价单 " + number);
        assertThat(text(mail, "text/plain")).contains(number, "20.00", "/portal/quotations/" + number);
        BodyPart pdf = attachment(mail);
        assertThat(pdf.getFileName()).isEqualTo(number + ".pdf");
        assertThat(pdf.getInputStream().readNBytes(4)).isEqualTo("%PDF".getBytes());

        admin.put("/api/quotations/" + id, Map.of("lines", List.of(Map.of("sku", sku, "quantity", 3))))
                .expect(200);
        assertThat(awaitMail(email, 2)).hasSize(2);
        awaitMessages(customer, "SENT", 2);
        assertThat(admin.get("/api/customers/" + customer + "/messages")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(m -> m.get("kind").asString()))
                .containsOnly("QUOTATION_SENT");
    }

    private JsonNode confirmedOrder(UUID customer, int units) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, units);
        JsonNode order = flow.order(customer, sku, units);
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        return order;
    }

    private JsonNode awaitMessages(UUID customer, String status, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> admin.get("/api/customers/" + customer + "/messages")
                                .expect(200)
                                .json(),
                        m -> m.size() == count
                                && m.valueStream()
                                        .allMatch(
                                                x -> x.get("status").asString().equals(status)));
    }

    private static List<MimeMessage> awaitMail(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> received(recipient), m -> m.size() >= count);
    }

    private static MimeMessage awaitSubject(String recipient, String subject) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> received(recipient).stream()
                                .filter(m -> subject(m).equals(subject))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<MimeMessage> received(String recipient) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                Address[] to = m.getAllRecipients();
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(recipient))) {
                    found.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of this type, anywhere in the message. */
    private static String text(Part part, String type) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static BodyPart attachment(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart p = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                    return p;
                }
                BodyPart nested = attachment(p);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String mailbox(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static GreenMail smtpServer() {
        return new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
