package org.ordo.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordo.shared.Money;
import org.springframework.http.MediaType;

/** Line rounding, totals and the tax summary, without Spring. */
class InvoiceArithmeticTests {

    private static final TaxTreatment STANDARD = TaxTreatment.of("STANDARD", new BigDecimal("0.19"));
    private static final TaxTreatment REDUCED = TaxTreatment.of("REDUCED", new BigDecimal("0.07"));

    @ParameterizedTest
    @CsvSource({"0.125, 1, 0.12", "0.135, 1, 0.14", "4.1234, 7, 28.86", "19.99, 3, 59.97"})
    void lineNetsAreRoundedHalfEvenToTheMinorUnit(String price, long quantity, String net) {
        InvoiceLine line = InvoiceLine.of(1, 1, null, "S", "d", quantity, Money.of(price, "EUR"), STANDARD);
        assertThat(line.lineNet()).isEqualTo(Money.of(net, "EUR"));
    }

    @Test
    void aCreditLineIsTheExactNegativeOfTheInvoiceLine() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            Money price = new Money(BigDecimal.valueOf(random.nextInt(1_000_000), 4), Money.currency("EUR"));
            long quantity = 1 + random.nextInt(50);
            InvoiceLine line = InvoiceLine.of(1, 1, null, "S", "d", quantity, price, STANDARD);
            InvoiceLine credit = InvoiceLine.of(1, 1, 1, "S", "d", -quantity, price, STANDARD);
            assertThat(credit.lineNet().amount())
                    .isEqualByComparingTo(line.lineNet().amount().negate());
            assertThat(credit.tax().amount())
                    .isEqualByComparingTo(line.tax().amount().negate());
        }
    }

    @Test
    void totalsAreSumsOfRoundedLinesAndTheShippingChargeIsTaxedLikeTheGoodsSplitByNetPerRate() {
        List<InvoiceLine> lines = List.of(
                InvoiceLine.of(1, 1, null, "A", "a", 3, Money.of("0.335", "EUR"), STANDARD),
                InvoiceLine.of(2, 2, null, "B", "b", 1, Money.of("10.05", "EUR"), REDUCED),
                InvoiceLine.of(3, 3, null, "C", "c", 1, Money.of("0.05", "EUR"), STANDARD));
        Totals totals = Totals.of(Money.currency("EUR"), lines, Money.of("1.00", "EUR"), Money.of("4.90", "EUR"));

        // 1.005 -> 1.00 (tax 0.19), 10.05 (tax 0.7035 -> 0.70), 0.05 (tax 0.0095 -> 0.01): lines' tax 0.90;
        // shipping 4.90 over nets 1.05 (19 %) and 10.05 (7 %): 0.46 (tax 0.09) and 4.44 (tax 0.31)
        assertThat(totals.subtotal()).isEqualTo(Money.of("11.10", "EUR"));
        assertThat(totals.tax()).isEqualTo(Money.of("1.30", "EUR"));
        assertThat(totals.total()).isEqualTo(Money.of("16.30", "EUR"));
        List<TaxSubtotal> summary = TaxSubtotal.of(lines);
        assertThat(summary).hasSize(2);
        assertThat(summary.get(0).taxableAmount()).isEqualTo(Money.of("1.05", "EUR"));
        assertThat(summary.get(0).tax()).isEqualTo(Money.of("0.20", "EUR"));
        List<TaxSubtotal> withShipping = TaxSubtotal.of(lines, Money.of("4.90", "EUR"));
        assertThat(withShipping.get(0).taxableAmount()).isEqualTo(Money.of("1.51", "EUR"));
        assertThat(withShipping.get(0).tax()).isEqualTo(Money.of("0.29", "EUR"));
        assertThat(withShipping.get(1).taxableAmount()).isEqualTo(Money.of("14.49", "EUR"));
        assertThat(withShipping.get(1).tax()).isEqualTo(Money.of("1.01", "EUR"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "application/pdf | application/pdf",
                "application/xml | application/xml",
                "text/xml | application/xml",
                "application/json, application/pdf | application/json",
                "application/pdf;q=0.9, application/xml | application/xml",
                "*/* | application/json",
                "'' | application/json"
            })
    void theFormatFollowsTheAcceptHeader(String accept, String format) {
        assertThat(InvoiceController.format(accept)).isEqualTo(MediaType.parseMediaType(format));
    }
}
