package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderQuote;
import org.ordo.platform.Idempotency;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.suggestions.Suggestions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ordering in the customer portal: the catalogue with the customer's own prices and availability in words, a cart kept
 * in the session, quick order by pasted lines or a CSV, and a checkout that quotes and places through
 * {@link OrderEntry} like every other channel. The customer is always the signed-in user's, never a form's.
 */
@Controller
class PortalShopPages {

    static final int PAGE_SIZE = 20;
    /** The catalog's type-ahead search gives at most this many products; the catalogue pages through them. */
    static final int SEARCH_LIMIT = 100;

    static final String CART = "portal.cart";
    /** Products suggested under the cart. */
    static final int SUGGESTIONS = 5;

    private static final String PLACED = "portal.checkout.placed";
    private static final String CHECKOUT_SCOPE = "page-portal-checkout";

    private final Catalog catalog;
    private final OrderEntry entry;
    private final Customers customers;
    private final Idempotency idempotency;
    private final MessageSource messages;
    private final ViolationTexts violations;
    private final Formats formats;
    private final Suggestions suggestions;

    PortalShopPages(
            Catalog catalog,
            OrderEntry entry,
            Customers customers,
            Idempotency idempotency,
            MessageSource messages,
            ViolationTexts violations,
            Formats formats,
            Suggestions suggestions) {
        this.suggestions = suggestions;
        this.violations = violations;
        this.formats = formats;
        this.catalog = catalog;
        this.entry = entry;
        this.customers = customers;
        this.idempotency = idempotency;
        this.messages = messages;
    }

    /** A product of the catalogue as the customer sees it: its own net price and availability in words. */
    public record Offer(ProductSnapshot product, Money price, String availability) {}

    /** A cart line: {@code problem} says why it cannot be ordered (null when it can). */
    public record CartLine(String sku, String name, long quantity, String problem) {}

    /** The catalogue's search and category, for its paging links. */
    public record ShopQuery(String q, String category) {

        public String page(int page) {
            return ListLink.to("/portal/shop")
                    .filter("q", q)
                    .filter("category", category)
                    .page(page);
        }
    }

    // ---- catalogue

    @GetMapping("/portal/shop")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String catalogue(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String page,
            HttpSession session,
            Model model) {
        String text = q == null ? "" : q.trim();
        String chosen = category == null ? "" : category.trim();
        List<ProductSnapshot> found = catalog.search(text, chosen, SEARCH_LIMIT);
        int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Downloads.page(page), pages - 1);
        List<ProductSnapshot> shown =
                found.subList(current * PAGE_SIZE, Math.min(found.size(), (current + 1) * PAGE_SIZE));
        model.addAttribute("q", text);
        model.addAttribute("category", chosen);
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("offers", offers(shown));
        model.addAttribute("page", current);
        model.addAttribute("lastPage", pages - 1);
        model.addAttribute("query", new ShopQuery(text, chosen));
        model.addAttribute("cartCount", cart(session).size());
        return "portal/shop";
    }

    /** Each product priced for the signed-in customer in one quote (one unit each), with its availability. */
    private List<Offer> offers(List<ProductSnapshot> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        OrderQuote quote = entry.quote(order(
                products.stream().map(p -> new OrderEntry.NewLine(p.sku(), 1)).toList(), null, null));
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            OrderQuote.Line line = quote.line(i);
            offers.add(new Offer(
                    products.get(i),
                    line == null ? null : line.unitPrice(),
                    line == null ? text("portal.shop.unavailable") : availability(line)));
        }
        return offers;
    }

    /** In words, never the stock count: in stock, or from the date one unit would be promised. */
    private String availability(OrderQuote.Line line) {
        if (line.available() > 0) {
            return text("portal.shop.inStock");
        }
        LocalDate from = line.promisedDate();
        return from == null
                ? text("portal.shop.unavailable")
                : messages.getMessage(
                        "portal.shop.availableFrom",
                        new Object[] {formats.date(from)},
                        LocaleContextHolder.getLocale());
    }

    @PostMapping("/portal/shop/add")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String add(
            @RequestParam String sku,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            HttpSession session,
            RedirectAttributes redirect) {
        Long parsed = quantity(quantity == null ? "1" : quantity);
        ProductSnapshot product =
                catalog.find(sku).filter(ProductSnapshot::active).orElse(null);
        if (parsed == null || product == null) {
            redirect.addFlashAttribute(
                    "error", text(product == null ? "portal.cart.unknownSku" : "portal.cart.badQuantity"));
        } else {
            Map<String, Long> cart = cart(session);
            cart.merge(product.sku(), parsed, Long::sum);
            keep(session, cart);
            redirect.addFlashAttribute("added", product.name());
        }
        return "redirect:"
                + ListLink.to("/portal/shop")
                        .filter("q", q)
                        .filter("category", category)
                        .build();
    }

    // ---- cart

    @GetMapping("/portal/cart")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String cart(HttpSession session, Model model) {
        return showCart(session, model);
    }

    private String showCart(HttpSession session, Model model) {
        Map<String, Long> cart = cart(session);
        List<CartLine> lines = cartLines(cart);
        model.addAttribute("lines", lines);
        model.addAttribute("suggestions", suggestions.forCustomer(customerId(), cart.keySet(), SUGGESTIONS));
        model.addAttribute("orderable", !lines.isEmpty() && lines.stream().allMatch(l -> l.problem() == null));
        if (!model.containsAttribute("quickLines")) {
            model.addAttribute("quickLines", "");
        }
        if (!model.containsAttribute("quickErrors")) {
            model.addAttribute("quickErrors", List.of());
        }
        return "portal/cart";
    }

    /** One unit of a suggested product into the cart, back to the cart. */
    @PostMapping("/portal/cart/add")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String addSuggested(@RequestParam String sku, HttpSession session, RedirectAttributes redirect) {
        Optional<ProductSnapshot> product = catalog.find(sku).filter(ProductSnapshot::active);
        if (product.isEmpty()) {
            redirect.addFlashAttribute("error", text("portal.cart.unknownSku"));
        } else {
            Map<String, Long> cart = cart(session);
            cart.merge(product.get().sku(), 1L, Long::sum);
            keep(session, cart);
        }
        return "redirect:/portal/cart";
    }

    @PostMapping("/portal/cart/update")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String update(
            @RequestParam String sku,
            @RequestParam(required = false) String quantity,
            HttpSession session,
            RedirectAttributes redirect) {
        Map<String, Long> cart = cart(session);
        Long parsed = "0".equals(quantity == null ? null : quantity.trim()) ? Long.valueOf(0) : quantity(quantity);
        if (parsed == null) {
            redirect.addFlashAttribute("error", text("portal.cart.badQuantity"));
        } else if (parsed == 0) {
            cart.remove(sku);
        } else if (cart.containsKey(sku)) {
            cart.put(sku, parsed);
        }
        keep(session, cart);
        return "redirect:/portal/cart";
    }

    @PostMapping("/portal/cart/remove")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String remove(@RequestParam String sku, HttpSession session) {
        Map<String, Long> cart = cart(session);
        cart.remove(sku);
        keep(session, cart);
        return "redirect:/portal/cart";
    }

    /** Quick order: "SKU quantity" lines typed or pasted, or a CSV of sku,quantity; bad lines are named and left out. */
    @PostMapping("/portal/cart/quick")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String quick(
            @RequestParam(required = false) String lines,
            @RequestParam(required = false) MultipartFile file,
            HttpSession session,
            Model model)
            throws IOException {
        String text = file != null && !file.isEmpty()
                ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : lines == null ? "" : lines;
        QuickOrder.Result result = QuickOrder.read(text, catalog);
        Map<String, Long> cart = cart(session);
        result.items().forEach((sku, quantity) -> cart.merge(sku, quantity, Long::sum));
        keep(session, cart);
        List<String> errors = result.errors().stream()
                .map(e -> messages.getMessage(
                        e.key(), new Object[] {e.lineNumber(), e.text()}, LocaleContextHolder.getLocale()))
                .toList();
        model.addAttribute("quickErrors", errors);
        model.addAttribute("quickAdded", result.items().size());
        model.addAttribute("quickLines", errors.isEmpty() ? "" : text);
        return showCart(session, model);
    }

    private List<CartLine> cartLines(Map<String, Long> cart) {
        Map<String, ProductSnapshot> products = catalog.find(cart.keySet());
        List<CartLine> lines = new ArrayList<>();
        cart.forEach((sku, quantity) -> {
            ProductSnapshot product = products.get(sku);
            String problem = product == null || !product.active() ? text("portal.cart.notSold") : null;
            lines.add(new CartLine(sku, product == null ? sku : product.name(), quantity, problem));
        });
        return lines;
    }

    // ---- checkout

    @GetMapping("/portal/checkout")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String checkout(HttpSession session, Model model) {
        return showCheckout(session, UUID.randomUUID().toString(), "", "shipping", null, model);
    }

    @PostMapping("/portal/checkout")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String place(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String po,
            @RequestParam(required = false) String address,
            HttpSession session,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String reference = po == null || po.isBlank() ? null : po.trim();
        String already = token == null ? null : placed(session).get(token);
        if (already != null) {
            // the same checkout sent twice: the order it placed, not a second one
            redirect.addFlashAttribute("done", "portal.done.ordered");
            return "redirect:/portal/orders/" + already;
        }
        List<CartLine> lines = cartLines(cart(session));
        String refusal = token == null || token.isBlank()
                ? text("portal.reorder.expired")
                : lines.isEmpty()
                        ? text("portal.checkout.empty")
                        : lines.stream().anyMatch(l -> l.problem() != null) ? text("portal.checkout.notSold") : null;
        if (refusal != null) {
            response.setStatus(422);
            return showCheckout(session, UUID.randomUUID().toString(), reference, address, refusal, model);
        }
        OrderEntry.NewOrder order = order(newLines(lines), reference, deliveryAddress(address));
        String number;
        try {
            // the checkout's one-time key: two submits at once, on any node, place one order
            number = (String) ((Map<?, ?>) idempotency
                            .execute(
                                    CHECKOUT_SCOPE,
                                    token,
                                    order,
                                    () -> ResponseEntity.ok(
                                            Map.of("number", entry.place(order).number())))
                            .getBody())
                    .get("number");
        } catch (OrdoException refused) {
            response.setStatus(PortalPages.status(refused));
            return showCheckout(session, token, reference, address, violations.refusal(refused), model);
        }
        Map<String, String> placed = placed(session);
        placed.put(token, number);
        session.setAttribute(PLACED, placed);
        keep(session, new LinkedHashMap<>());
        redirect.addFlashAttribute("done", "portal.done.ordered");
        return "redirect:/portal/orders/" + number;
    }

    private String showCheckout(
            HttpSession session, String token, String po, String address, String error, Model model) {
        List<CartLine> lines = cartLines(cart(session));
        boolean orderable = !lines.isEmpty() && lines.stream().allMatch(l -> l.problem() == null);
        Map<String, Address> addresses = addresses();
        String choice = addresses.containsKey(address)
                ? address
                : addresses.keySet().stream().findFirst().orElse(null);
        model.addAttribute("lines", lines);
        model.addAttribute("orderable", orderable);
        model.addAttribute("addresses", addresses);
        model.addAttribute("address", choice);
        OrderQuote quote = orderable ? entry.quote(order(newLines(lines), null, deliveryAddress(choice))) : null;
        model.addAttribute("quote", quote);
        model.addAttribute(
                "problems",
                quote == null
                        ? List.of()
                        : quote.problems().stream().map(violations::of).toList());
        model.addAttribute("token", token);
        model.addAttribute("po", po == null ? "" : po);
        model.addAttribute("error", error);
        return "portal/checkout";
    }

    /** The customer's addresses to deliver to, by key: its shipping address, and its billing address when it differs. */
    private Map<String, Address> addresses() {
        Map<String, Address> addresses = new LinkedHashMap<>();
        customers.find(customerId()).ifPresent(c -> addAddresses(c, addresses));
        return addresses;
    }

    private static void addAddresses(CustomerSnapshot customer, Map<String, Address> addresses) {
        if (customer.shippingAddress() != null) {
            addresses.put("shipping", customer.shippingAddress());
        }
        if (customer.billingAddress() != null && !customer.billingAddress().equals(customer.shippingAddress())) {
            addresses.put("billing", customer.billingAddress());
        }
    }

    /** The chosen address among the customer's own; null (the customer's shipping address) otherwise. */
    private Address deliveryAddress(String key) {
        return key == null ? null : addresses().get(key);
    }

    private static List<OrderEntry.NewLine> newLines(List<CartLine> lines) {
        return lines.stream()
                .map(l -> new OrderEntry.NewLine(l.sku(), l.quantity()))
                .toList();
    }

    private static OrderEntry.NewOrder order(List<OrderEntry.NewLine> lines, String reference, Address address) {
        return new OrderEntry.NewOrder(customerId(), "PORTAL", reference, null, null, lines, address, null);
    }

    // ---- shared

    /** A positive whole quantity, or null. */
    static Long quantity(String text) {
        try {
            long value = Long.parseLong(text == null ? "" : text.trim());
            return value > 0 && value <= QuickOrder.MAX_QUANTITY ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> cart(HttpSession session) {
        Object cart = session.getAttribute(CART);
        return cart instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Long>) map) : new LinkedHashMap<>();
    }

    /** Stored again after each change, so that a session kept outside this node sees it. */
    private static void keep(HttpSession session, Map<String, Long> cart) {
        session.setAttribute(CART, new LinkedHashMap<>(cart));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> placed(HttpSession session) {
        Object placed = session.getAttribute(PLACED);
        return placed instanceof Map<?, ?> map
                ? new ConcurrentHashMap<>((Map<String, String>) map)
                : new ConcurrentHashMap<>();
    }

    /** The signed-in customer; a customer user without one orders for nobody (no customer has the nil id). */
    private static UUID customerId() {
        UUID id = Actor.current().customerId();
        return id == null ? new UUID(0, 0) : id;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
