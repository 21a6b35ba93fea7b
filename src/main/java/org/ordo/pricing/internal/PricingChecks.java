package org.ordo.pricing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ordo.pricing.PricingRequests;
import org.ordo.pricing.PricingRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;

/** The field checks of price lists, prices and promotions. */
final class PricingChecks {

    /** The longest customer group or product category name, as the customers and catalog modules keep them. */
    private static final int NAME_LENGTH = 60;

    private PricingChecks() {}

    static void period(LocalDate from, LocalDate to, List<FieldViolation> invalid) {
        if (from == null) {
            invalid.add(CommonRule.REQUIRED.at("validFrom"));
        } else if (to != null && to.isBefore(from)) {
            invalid.add(PricingRule.PERIOD_ORDER.at("validTo"));
        }
    }

    /** A price and its breaks as unit price per minimum quantity (1: the price below the first break); 400 if wrong. */
    static Map<Long, BigDecimal> prices(PricingRequests.SetPrice request, String currency) {
        List<FieldViolation> invalid = new ArrayList<>();
        Map<Long, BigDecimal> prices = new TreeMap<>();
        if (request == null || request.unitPrice() == null) {
            invalid.add(CommonRule.REQUIRED.at("unitPrice"));
        } else {
            price(request.unitPrice(), "unitPrice", currency, invalid);
            prices.put(1L, request.unitPrice().amount());
        }
        List<PricingRequests.PriceBreak> breaks =
                request == null || request.breaks() == null ? List.of() : request.breaks();
        for (int i = 0; i < breaks.size(); i++) {
            PricingRequests.PriceBreak b = breaks.get(i);
            String field = "breaks[" + i + "]";
            if (b == null || b.minQuantity() == null) {
                invalid.add(CommonRule.REQUIRED.at(field + ".minQuantity"));
            } else if (b.minQuantity() <= 1 || prices.containsKey(b.minQuantity())) {
                invalid.add(PricingRule.BREAK_QUANTITY.at(field + ".minQuantity"));
            } else if (b.unitPrice() == null) {
                invalid.add(CommonRule.REQUIRED.at(field + ".unitPrice"));
            } else {
                price(b.unitPrice(), field + ".unitPrice", currency, invalid);
                prices.put(b.minQuantity(), b.unitPrice().amount());
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return prices;
    }

    private static void price(Money price, String field, String currency, List<FieldViolation> invalid) {
        if (price.isNegative()) {
            invalid.add(PricingRule.PRICE_NEGATIVE.at(field + ".amount"));
        } else if (!price.currencyCode().equals(currency)) {
            invalid.add(PricingRule.PRICE_CURRENCY.at(field + ".currency", currency));
        }
    }

    /**
     * Customer groups or product categories as given (null for none): each trimmed, 1 to 60 characters, listed once
     * (any case). Problems are added to {@code invalid}, named {@code field[i]}.
     */
    static List<String> names(String field, List<String> given, List<FieldViolation> invalid) {
        List<String> names = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < (given == null ? 0 : given.size()); i++) {
            String name = given.get(i) == null ? "" : given.get(i).trim();
            String at = field + "[" + i + "]";
            if (name.isEmpty()) {
                invalid.add(CommonRule.REQUIRED.at(at));
            } else if (name.length() > NAME_LENGTH) {
                invalid.add(CommonRule.TOO_LONG.at(at, NAME_LENGTH));
            } else if (seen.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                invalid.add(CommonRule.LISTED_TWICE.at(at));
            } else {
                seen.add(name.toLowerCase(java.util.Locale.ROOT));
                names.add(name);
            }
        }
        return names;
    }

    /** A promotion's fields, by its kind; 400 if wrong. */
    static void promotion(PricingRequests.NewPromotion p) {
        List<FieldViolation> invalid = new ArrayList<>();
        if (p.name() == null || p.name().isBlank()) {
            invalid.add(CommonRule.REQUIRED.at("name"));
        } else if (p.name().length() > 200) {
            invalid.add(CommonRule.TOO_LONG.at("name", 200));
        }
        period(p.validFrom(), p.validTo(), invalid);
        List<String> kinds = List.of("PERCENT", "AMOUNT", "BUY_GET", "FREE_SHIPPING");
        if (p.kind() == null || !kinds.contains(p.kind())) {
            invalid.add(CommonRule.ONE_OF.at("kind", kinds));
            throw OrdoException.invalid(invalid);
        }
        switch (p.kind()) {
            case "PERCENT" -> {
                if (p.percent() == null) {
                    invalid.add(PricingRule.PROMOTION_FIELD.at("percent", p.kind()));
                } else if (p.percent().signum() <= 0 || p.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
                    invalid.add(PricingRule.PERCENT_RANGE.at("percent"));
                }
            }
            case "BUY_GET" -> {
                if (p.buyQuantity() == null || p.buyQuantity() < 1) {
                    invalid.add(PricingRule.PROMOTION_FIELD.at("buyQuantity", p.kind()));
                }
                if (p.freeQuantity() == null || p.freeQuantity() < 1) {
                    invalid.add(PricingRule.PROMOTION_FIELD.at("freeQuantity", p.kind()));
                }
            }
            default -> {
                if (p.amount() == null) {
                    invalid.add(PricingRule.PROMOTION_FIELD.at("amount", p.kind()));
                } else if (p.amount().isNegative()) {
                    invalid.add(PricingRule.PRICE_NEGATIVE.at("amount.amount"));
                }
            }
        }
        names("categories", p.categories(), invalid);
        boolean noSkus = p.skus() == null || p.skus().isEmpty();
        boolean noCategories = p.categories() == null || p.categories().isEmpty();
        if (!p.kind().equals("FREE_SHIPPING") && noSkus && noCategories) {
            invalid.add(CommonRule.REQUIRED.at("skus"));
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
    }
}
