package org.ordo.web.internal;

import java.util.List;

/** The currencies the administration's forms offer first; any other ISO 4217 code may be typed. */
final class AdminCurrencies {

    static final List<String> CODES = List.of("EUR", "USD", "GBP", "CHF", "CNY", "JPY", "SEK", "PLN", "CZK", "DKK");

    private AdminCurrencies() {}
}
