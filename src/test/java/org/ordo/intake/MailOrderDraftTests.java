package org.ordo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.customers.Customers;
import org.ordo.edi.TradingPartners;
import org.ordo.intake.internal.PurchaseOrderPdfs;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A received purchase order becomes a draft for the right customer, and an order only when a person places it. */
@OrdoTest
class MailOrderDraftTests {

    @LocalServerPort
    int port;

    @Autowired
    MailOrders mailOrders;

    @Autowired
    ProductCatalogAdmin products;

    @Autowired
    TradingPartners partners;

    @Autowired
    Customers customers;

    @Autowired
    Orders orders;

    @Autowired
    OrderEntry orderEntry;

    UUID customer;
    String email;
    List<PurchaseOrderPdfs.Item> items;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        customer = fixtures.customer("100000.00", warehouse);
        email = customers.find(customer).orElseThrow().email();
        String tag = Fixtures.unique("T").toLowerCase().replaceAll("[^a-z0-9]", "");
        items = List.of(
                item("Kettle chrome " + tag, "K-1"),
                item("Kettle black " + tag, "K-2"),
                item("Toaster four slots " + tag, "K-3"));
        items.forEach(i -> fixtures.receive(i.sku(), warehouse, 100));
        partners.create(new TradingPartners.NewPartner(
                "Partner " + tag,
                customer,
                "X12",
                Fixtures.unique("S"),
                null,
                items.stream()
                        .map(i -> new TradingPartners.ItemCode(i.customerCode(), i.sku()))
                        .toList()));
    }

    private PurchaseOrderPdfs.Item item(String name, String code) {
        String sku = Fixtures.unique("MO");
        products.create(new ProductCatalogAdmin.NewProduct(
                sku, name, null, Money.of("9.90", "EUR"), null, "STANDARD", null, 500));
        return new PurchaseOrderPdfs.Item(sku, name, null, code + sku);
    }

    private MailOrders.Draft received(PurchaseOrderPdfs.Layout layout, String sender) {
        PurchaseOrderPdfs.Po po = PurchaseOrderPdfs.make(layout, "PO-77001", "Some Buyer Ltd", items, 3, new Random(7));
        return mailOrders.receive(new MailOrders.Incoming("po.pdf", "application/pdf", po.pdf(), sender, null, null));
    }

    @Test
    void aPurchaseOrderFromACustomersAddressIsReadIntoADraftWithEveryLineMatched() {
        MailOrders.Draft draft = received(PurchaseOrderPdfs.Layout.CODES, "Buyer <" + email.toUpperCase() + ">");

        assertThat(draft.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(draft.document().customerId()).isEqualTo(customer);
        assertThat(draft.document().customerFoundBy()).isEqualTo("EMAIL");
        assertThat(draft.document().poNumber()).isEqualTo("PO-77001");
        assertThat(draft.document().orderId()).isNull();
        assertThat(draft.text()).contains("Your item code");
        assertThat(draft.lines()).hasSize(3);
        assertThat(draft.lines())
                .extracting(MailOrders.Line::sku)
                .containsExactlyInAnyOrderElementsOf(
                        items.stream().map(PurchaseOrderPdfs.Item::sku).toList());
        assertThat(draft.lines()).anyMatch(l -> l.reason().equals("CUSTOMER_CODE") && l.confidence() == 1.0);
        assertThat(draft.lines()).allMatch(l -> l.quantity() != null && l.quantity() > 0);
    }

    @Test
    void aCustomerNamedInTheTextIsFoundWhenTheSenderIsUnknown() {
        String name = customers.find(customer).orElseThrow().name();
        String text = "Purchase order 55-123\n" + name + "\nMain road 1\n\n2 x "
                + items.get(2).name() + "\n";
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "po.txt",
                "text/plain",
                text.getBytes(StandardCharsets.UTF_8),
                "someone@elsewhere.example",
                null,
                null));

        assertThat(draft.document().customerId()).isEqualTo(customer);
        assertThat(draft.document().customerFoundBy()).isEqualTo("NAME");
        assertThat(draft.document().poNumber()).isEqualTo("55-123");
        assertThat(draft.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo(items.get(2).sku());
            assertThat(l.quantity()).isEqualTo(2L);
        });
    }

    @Test
    void anImageOnlyPdfBecomesADraftWithNoLinesAndANoteSayingWhy() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "scan.pdf", "application/pdf", PurchaseOrderPdfs.imageOnly(), email, null, null));

        assertThat(draft.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(draft.lines()).isEmpty();
        assertThat(draft.document().note()).isEqualTo("IMAGE_ONLY");
        assertThat(draft.document().customerId()).isEqualTo(customer);
    }

    @Test
    void aFileThatIsNeitherPdfNorTextBecomesADraftSayingItCouldNotBeRead() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "po.pdf", "application/pdf", "%PDF-1.7 broken".getBytes(StandardCharsets.UTF_8), null, null, null));

        assertThat(draft.lines()).isEmpty();
        assertThat(draft.document().note()).isEqualTo("UNREADABLE");
    }

    @Test
    void aDraftPlacedTwiceBecomesOneOrderThroughTheEmailChannelWithThePoNumber() {
        MailOrders.Draft draft = received(PurchaseOrderPdfs.Layout.TABLE, email);
        MailOrders.Correction confirmed = new MailOrders.Correction(
                customer,
                draft.document().poNumber(),
                draft.lines().stream()
                        .map(l -> new MailOrders.LineInput(l.lineNumber(), l.sku(), l.quantity()))
                        .toList());

        MailOrders.Draft placed = mailOrders.place(draft.document().id(), confirmed);
        MailOrders.Draft again = mailOrders.place(draft.document().id(), confirmed);

        assertThat(placed.document().status()).isEqualTo(DocumentStatus.PLACED);
        assertThat(again.document().orderId()).isEqualTo(placed.document().orderId());
        OrderSnapshot order = orders.find(placed.document().orderId()).orElseThrow();
        assertThat(order.channel()).isEqualTo("EMAIL");
        assertThat(order.externalReference()).isEqualTo("PO-77001");
        assertThat(order.customerId()).isEqualTo(customer);
        assertThat(order.lines())
                .extracting(OrderSnapshot.Line::sku)
                .containsExactlyElementsOf(
                        draft.lines().stream().map(MailOrders.Line::sku).toList());
    }

    private static MailOrders.Correction confirmed(MailOrders.Draft draft, String poNumber) {
        return new MailOrders.Correction(
                draft.document().customerId(),
                poNumber,
                draft.lines().stream()
                        .map(l -> new MailOrders.LineInput(l.lineNumber(), l.sku(), l.quantity()))
                        .toList());
    }

    @Test
    void aPurchaseOrderReceivedAgainIsNotPlacedTwiceWithoutTheRepsConfirmation() {
        MailOrders.Draft first = received(PurchaseOrderPdfs.Layout.TABLE, email);
        UUID firstOrder = mailOrders
                .place(first.document().id(), confirmed(first, "PO-77001"))
                .document()
                .orderId();
        MailOrders.Draft again = received(PurchaseOrderPdfs.Layout.TABLE, email);
        String firstNumber = orders.find(firstOrder).orElseThrow().number();

        assertThat(mailOrders.placedBefore(again.document().id()))
                .contains(new MailOrders.EarlierOrder(firstOrder, firstNumber));
        assertThatThrownBy(() -> mailOrders.place(again.document().id(), confirmed(again, "PO-77001")))
                .isInstanceOfSatisfying(
                        OrdoException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.code()).isEqualTo("intake.placed-before");
                            assertThat(v.field()).isEqualTo("poNumber");
                            assertThat(v.arguments()).containsExactly(firstNumber);
                        }));
        assertThat(mailOrders
                        .find(again.document().id())
                        .orElseThrow()
                        .document()
                        .status())
                .isEqualTo(DocumentStatus.DRAFT);

        MailOrders.Draft placedAnyway = mailOrders.place(again.document().id(), confirmed(again, "PO-77001"), true);
        assertThat(placedAnyway.document().status()).isEqualTo(DocumentStatus.PLACED);
        assertThat(placedAnyway.document().orderId()).isNotNull().isNotEqualTo(firstOrder);
    }

    @Test
    void aDraftWhosePoNumberWasOrderedThroughAnotherChannelWarns() {
        OrderSnapshot byPhone = orderEntry.place(new OrderEntry.NewOrder(
                customer,
                "PHONE",
                "PO-77001",
                null,
                null,
                List.of(new OrderEntry.NewLine(items.get(0).sku(), 1))));
        MailOrders.Draft draft = received(PurchaseOrderPdfs.Layout.TABLE, email);

        assertThat(mailOrders.placedBefore(draft.document().id()))
                .contains(new MailOrders.EarlierOrder(byPhone.id(), byPhone.number()));
        assertThatThrownBy(() -> mailOrders.place(draft.document().id(), confirmed(draft, "PO-77001")))
                .isInstanceOf(OrdoException.class);
    }

    @Test
    void aSecondDraftWithAnotherPoNumberPlacesWithoutConfirmation() {
        MailOrders.Draft first = received(PurchaseOrderPdfs.Layout.TABLE, email);
        mailOrders.place(first.document().id(), confirmed(first, "PO-77001"));
        MailOrders.Draft second = received(PurchaseOrderPdfs.Layout.TABLE, email);

        MailOrders.Draft placed = mailOrders.place(second.document().id(), confirmed(second, "PO-77002"));

        assertThat(placed.document().status()).isEqualTo(DocumentStatus.PLACED);
        assertThat(mailOrders.placedBefore(placed.document().id())).isEmpty();
        assertThat(orders.find(placed.document().orderId()).orElseThrow().externalReference())
                .isEqualTo("PO-77002");
    }

    @Test
    void aCorrectedLineIsThePersonsAndTheDraftStaysUnplacedUntilConfirmed() {
        MailOrders.Draft draft = received(PurchaseOrderPdfs.Layout.FREE_TEXT, email);
        MailOrders.Line first = draft.lines().get(0);

        MailOrders.Draft saved = mailOrders.save(
                draft.document().id(),
                new MailOrders.Correction(
                        customer,
                        "PO-CHANGED",
                        List.of(new MailOrders.LineInput(
                                first.lineNumber(), items.get(0).sku(), 12L))));

        assertThat(saved.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(saved.document().orderId()).isNull();
        assertThat(saved.document().poNumber()).isEqualTo("PO-CHANGED");
        assertThat(saved.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(12L);
            assertThat(l.reason()).isEqualTo("PERSON");
            assertThat(l.uncertain()).isFalse();
            assertThat(l.rawText()).isEqualTo(first.rawText());
        });
    }

    @Test
    void nothingIsPlacedWithoutACustomerOrWithALineLackingItsProduct() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "po.txt",
                "text/plain",
                "3 x something nobody sells\n".getBytes(StandardCharsets.UTF_8),
                null,
                null,
                null));

        assertThatThrownBy(() -> mailOrders.place(
                        draft.document().id(),
                        new MailOrders.Correction(null, null, List.of(new MailOrders.LineInput(1, "", 3L)))))
                .isInstanceOfSatisfying(
                        OrdoException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::code)
                                .contains("intake.no-customer", "required"));
        MailOrders.Draft after = mailOrders.find(draft.document().id()).orElseThrow();
        assertThat(after.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(after.document().orderId()).isNull();
    }

    @Test
    void aDiscardedDraftCannotBePlaced() {
        MailOrders.Draft draft = received(PurchaseOrderPdfs.Layout.TABLE, email);
        mailOrders.discard(draft.document().id());

        assertThatThrownBy(() -> mailOrders.place(draft.document().id(), null)).isInstanceOf(OrdoException.class);
        assertThat(mailOrders
                        .find(draft.document().id())
                        .orElseThrow()
                        .document()
                        .status())
                .isEqualTo(DocumentStatus.DISCARDED);
    }
}
