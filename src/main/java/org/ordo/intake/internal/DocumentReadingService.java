package org.ordo.intake.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.edi.TradingPartners;
import org.ordo.intake.MailOrders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.stereotype.Service;

/**
 * Reads a received document into a draft: its text, the customer (by the sender's address, else by a customer's name
 * in the text), the PO number and the lines matched to products with the customer's own item codes.
 */
@Service
class DocumentReadingService {

    /** What a document was read into; {@code note} says why there are no lines (or is null). */
    record Reading(
            String text,
            UUID customerId,
            String customerFoundBy,
            String poNumber,
            String note,
            List<MailOrders.Line> lines) {}

    /** The lines of the text searched for a customer's name: the letterhead and the addresses. */
    private static final int NAME_LINES = 25;

    private final Customers customers;
    private final ProductCatalogAdmin products;
    private final TradingPartners partners;

    DocumentReadingService(Customers customers, ProductCatalogAdmin products, TradingPartners partners) {
        this.customers = customers;
        this.products = products;
        this.partners = partners;
    }

    Reading read(MailOrders.Incoming incoming) {
        DocumentText text;
        try {
            text = isPdf(incoming) ? DocumentText.ofPdf(incoming.content()) : plainText(incoming);
        } catch (IOException unreadable) {
            return new Reading(
                    "", customerBySender(incoming.sender()).orElse(null), null, null, "UNREADABLE", List.of());
        }
        if (text == null) {
            return new Reading("", null, null, null, "UNREADABLE", List.of());
        }
        Optional<UUID> bySender = customerBySender(incoming.sender());
        Optional<UUID> byName = bySender.isPresent() ? Optional.empty() : customerByName(text);
        UUID customerId = bySender.or(() -> byName).orElse(null);
        String foundBy = bySender.isPresent() ? "EMAIL" : byName.isPresent() ? "NAME" : null;
        if (text.empty()) {
            return new Reading("", customerId, foundBy, null, isPdf(incoming) ? "IMAGE_ONLY" : "NO_LINES", List.of());
        }
        PurchaseOrderText po = PurchaseOrderText.read(text);
        MatchPolicy policy = new MatchPolicy(catalog(), customerId == null ? Map.of() : itemCodes(customerId));
        List<MailOrders.Line> lines = new ArrayList<>();
        for (MatchPolicy.MatchedLine m : policy.match(po)) {
            lines.add(new MailOrders.Line(
                    lines.size() + 1,
                    shortened(m.line().text()),
                    m.match().sku(),
                    m.line().quantity(),
                    m.line().unitPrice(),
                    m.match().confidence(),
                    m.match().reason()));
        }
        return new Reading(text.text(), customerId, foundBy, po.poNumber(), lines.isEmpty() ? "NO_LINES" : null, lines);
    }

    static boolean isPdf(MailOrders.Incoming incoming) {
        byte[] c = incoming.content();
        return c.length >= 4 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F';
    }

    /** Plain text, or null for anything else that is not a PDF (a binary file). */
    private static DocumentText plainText(MailOrders.Incoming incoming) {
        String text = new String(incoming.content(), StandardCharsets.UTF_8);
        if (text.chars().anyMatch(c -> c == 0 || c == 0xFFFD)) {
            return null;
        }
        return DocumentText.ofPlainText(text);
    }

    /** The customer whose e-mail or billing e-mail is the sender's address ("Name &lt;address&gt;" or the address). */
    Optional<UUID> customerBySender(String sender) {
        if (sender == null || sender.isBlank()) {
            return Optional.empty();
        }
        String address = sender.replaceAll("(?s).*<([^>]+)>.*", "$1").trim();
        return customers.search(address, 20).stream()
                .filter(CustomerSnapshot::active)
                .filter(c -> address.equalsIgnoreCase(c.email()) || address.equalsIgnoreCase(c.billingEmail()))
                .map(CustomerSnapshot::id)
                .findFirst();
    }

    /** The active customer whose full name appears in the first lines of the text; the longest name wins. */
    private Optional<UUID> customerByName(DocumentText text) {
        String normal = " " + MatchPolicy.normal(text.text()) + " ";
        CustomerSnapshot best = null;
        for (DocumentText.Line line :
                text.lines().subList(0, Math.min(NAME_LINES, text.lines().size()))) {
            for (DocumentText.Cell cell : line.cells()) {
                if (cell.text().trim().length() < 4) {
                    continue;
                }
                for (CustomerSnapshot c : customers.search(cell.text().trim(), 5)) {
                    String name = MatchPolicy.normal(c.name());
                    boolean named = !name.isBlank() && normal.contains(" " + name + " ");
                    if (c.active()
                            && named
                            && (best == null || c.name().length() > best.name().length())) {
                        best = c;
                    }
                }
            }
        }
        return Optional.ofNullable(best).map(CustomerSnapshot::id);
    }

    private List<MatchPolicy.Product> catalog() {
        List<MatchPolicy.Product> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<ProductCatalogAdmin.ProductDetails> found =
                    products.search(null, true, new Paging(page, Paging.MAX_SIZE));
            found.items().forEach(p -> all.add(new MatchPolicy.Product(p.sku(), p.name(), p.gtin())));
            if (found.items().size() < Paging.MAX_SIZE) {
                return all;
            }
        }
    }

    /** The customer's own codes for items, as its EDI trading partners map them. */
    private Map<String, String> itemCodes(UUID customerId) {
        Map<String, String> codes = new HashMap<>();
        partners.all().stream()
                .filter(p -> customerId.equals(p.customerId()))
                .flatMap(p -> p.itemCodes() == null ? java.util.stream.Stream.empty() : p.itemCodes().stream())
                .forEach(c -> codes.put(c.partnerCode().toUpperCase(Locale.ROOT), c.sku()));
        return codes;
    }

    private static String shortened(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
