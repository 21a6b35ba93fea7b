package org.ordo.catalog.internal;

import java.time.LocalDate;
import java.util.List;
import org.ordo.catalog.TaxRateAdmin;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tax-rates}: the VAT rates per country and tax category with their validity. Anyone signed in reads them;
 * ADMIN adds a rate from a day on (the rate before it ends the day before).
 */
@RestController
class TaxRateController {

    private final TaxRateAdmin rates;

    TaxRateController(TaxRateAdmin rates) {
        this.rates = rates;
    }

    @GetMapping("/api/tax-rates")
    List<TaxRateAdmin.Rate> list(
            @RequestParam(required = false) String country, @RequestParam(required = false) LocalDate on) {
        return rates.rates(country == null ? null : country.toUpperCase(java.util.Locale.ROOT), on);
    }

    @PostMapping("/api/tax-rates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    TaxRateAdmin.Rate add(@RequestBody TaxRateAdmin.NewRate request) {
        return rates.add(request);
    }
}
