package org.ordo.web.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ordo.pricing.PricingRequests;
import org.ordo.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The price list and promotion forms as typed, and the requests they make: what is not a number or a day is reported
 * here, everything else is the pricing rule book's to judge.
 */
@Component
class PricingForms {

    static final List<String> KINDS = List.of("PERCENT", "AMOUNT", "BUY_GET", "FREE_SHIPPING");

    private final MessageSource messages;

    PricingForms(MessageSource messages) {
        this.messages = messages;
    }

    record ListForm(
            String name,
            String currency,
            String validFrom,
            String validTo,
            String customerQuery,
            List<UUID> customerIds,
            List<String> customerGroups) {

        static ListForm empty() {
            return new ListForm("", "EUR", LocalDate.now().toString(), "", "", List.of(), List.of());
        }

        static ListForm of(MultiValueMap<String, String> params) {
            List<UUID> ids = new ArrayList<>();
            for (String id : params.getOrDefault("customerIds", List.of())) {
                OrderEntryPages.parseId(id).filter(u -> !ids.contains(u)).ifPresent(ids::add);
            }
            return new ListForm(
                    value(params, "name"),
                    value(params, "currency").toUpperCase(Locale.ROOT),
                    value(params, "validFrom"),
                    value(params, "validTo"),
                    value(params, "customerQuery"),
                    ids,
                    params.getOrDefault("customerGroups", List.of()));
        }
    }

    /** A SKU's price and its breaks, {@code breakQuantities} and {@code breakPrices} row by row. */
    record PriceForm(String sku, String unitPrice, List<String> breakQuantities, List<String> breakPrices) {

        static PriceForm empty() {
            return new PriceForm("", "", List.of(), List.of());
        }

        static PriceForm of(MultiValueMap<String, String> params) {
            return new PriceForm(
                    value(params, "sku"),
                    value(params, "unitPrice"),
                    params.getOrDefault("breakQuantity", List.of()),
                    params.getOrDefault("breakPrice", List.of()));
        }

        public String breakQuantity(int row) {
            return row < breakQuantities.size() ? breakQuantities.get(row) : "";
        }

        public String breakPrice(int row) {
            return row < breakPrices.size() ? breakPrices.get(row) : "";
        }
    }

    record PromotionForm(
            String name,
            String kind,
            String percent,
            String amount,
            String currency,
            String buyQuantity,
            String freeQuantity,
            String skus,
            String validFrom,
            String validTo,
            List<String> categories) {

        static PromotionForm empty() {
            return new PromotionForm(
                    "", "PERCENT", "", "", "EUR", "", "", "", LocalDate.now().toString(), "", List.of());
        }

        static PromotionForm of(MultiValueMap<String, String> params) {
            return new PromotionForm(
                    value(params, "name"),
                    value(params, "kind"),
                    value(params, "percent"),
                    value(params, "amount"),
                    value(params, "currency").toUpperCase(Locale.ROOT),
                    value(params, "buyQuantity"),
                    value(params, "freeQuantity"),
                    value(params, "skus"),
                    value(params, "validFrom"),
                    value(params, "validTo"),
                    params.getOrDefault("categories", List.of()));
        }
    }

    PricingRequests.NewPriceList newPriceList(ListForm form, Map<String, String> errors) {
        return new PricingRequests.NewPriceList(
                form.name().trim(),
                form.currency().trim(),
                day(form.validFrom(), "validFrom", errors),
                day(form.validTo(), "validTo", errors),
                form.customerIds(),
                form.customerGroups());
    }

    /** The price and the break rows that have anything typed; the list's currency is every amount's. */
    PricingRequests.SetPrice setPrice(PriceForm form, String currency, Map<String, String> errors) {
        Money unitPrice = money(form.unitPrice(), currency, "unitPrice", errors);
        List<PricingRequests.PriceBreak> breaks = new ArrayList<>();
        int rows = Math.max(form.breakQuantities().size(), form.breakPrices().size());
        for (int row = 0; row < rows; row++) {
            if (form.breakQuantity(row).isBlank() && form.breakPrice(row).isBlank()) {
                continue;
            }
            String field = "breaks[" + breaks.size() + "]";
            breaks.add(new PricingRequests.PriceBreak(
                    quantity(form.breakQuantity(row), field + ".minQuantity", errors),
                    money(form.breakPrice(row), currency, field + ".unitPrice", errors)));
        }
        return new PricingRequests.SetPrice(unitPrice, breaks);
    }

    PricingRequests.NewPromotion newPromotion(PromotionForm form, Map<String, String> errors) {
        List<String> skus = Arrays.stream(form.skus().split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
        String currency = form.currency().isBlank() ? "EUR" : form.currency().trim();
        return new PricingRequests.NewPromotion(
                form.name().trim(),
                form.kind(),
                number(form.percent(), "percent", errors),
                money(form.amount(), currency, "amount", errors),
                quantity(form.buyQuantity(), "buyQuantity", errors),
                quantity(form.freeQuantity(), "freeQuantity", errors),
                skus,
                day(form.validFrom(), "validFrom", errors),
                day(form.validTo(), "validTo", errors),
                form.categories());
    }

    /**
     * The form field of a violation's path: an amount's parts are the amount's field ({@code unitPrice.amount} is
     * {@code unitPrice}), a listed value is its list ({@code customerIds[0]}), a break keeps its row.
     */
    static String fieldOf(String path) {
        String field = path.replaceAll("\\.(amount|currency)$", "").replaceAll("\\.(amount|currency)$", "");
        return field.startsWith("breaks[") ? field : field.replaceAll("\\[\\d+]$", "");
    }

    private LocalDate day(String typed, String field, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, text("error.date"));
            return null;
        }
    }

    private Money money(String typed, String currency, String field, Map<String, String> errors) {
        BigDecimal amount = number(typed, field, errors);
        if (amount == null) {
            return null;
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            errors.put(field, text("pricing.error.number"));
            return null;
        }
    }

    private BigDecimal number(String typed, String field, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, text("pricing.error.number"));
            return null;
        }
    }

    private Long quantity(String typed, String field, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null;
        }
        if (!typed.trim().matches("\\d{1,9}")) {
            errors.put(field, text("pricing.error.quantity"));
            return null;
        }
        return Long.parseLong(typed.trim());
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
