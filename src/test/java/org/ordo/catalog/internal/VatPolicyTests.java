package org.ordo.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.catalog.internal.VatPolicy.Regime;
import org.ordo.catalog.internal.VatPolicy.Sale;

/** The VAT rule book of a German seller: one row per case an auditor checks. */
class VatPolicyTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a German consumer pays German VAT", "DE", null, false, false, Regime.DOMESTIC),
                Arguments.of("a German company pays German VAT", "DE", "DE811907980", false, false, Regime.DOMESTIC),
                Arguments.of(
                        "an Austrian company with a VAT id gets an intra-community supply",
                        "AT",
                        "ATU13585627",
                        false,
                        false,
                        Regime.INTRA_COMMUNITY_SUPPLY),
                Arguments.of(
                        "a Greek VAT id (EL) counts as an EU VAT id",
                        "GR",
                        "EL094259216",
                        false,
                        false,
                        Regime.INTRA_COMMUNITY_SUPPLY),
                Arguments.of(
                        "a French consumer pays German VAT below the OSS threshold",
                        "FR",
                        null,
                        false,
                        false,
                        Regime.DISTANCE_SALE_AT_SELLER_RATES),
                Arguments.of(
                        "a French consumer pays French VAT when the seller is registered for OSS",
                        "FR",
                        null,
                        false,
                        true,
                        Regime.DISTANCE_SALE_AT_DESTINATION_RATES),
                Arguments.of(
                        "a buyer with the seller's own country's VAT id shipping abroad is no intra-community supply",
                        "AT",
                        "DE811907980",
                        false,
                        false,
                        Regime.DISTANCE_SALE_AT_SELLER_RATES),
                Arguments.of(
                        "a VAT id that is not from the EU makes no intra-community supply",
                        "FR",
                        "GB123456789",
                        false,
                        false,
                        Regime.DISTANCE_SALE_AT_SELLER_RATES),
                Arguments.of("goods to Switzerland are an export", "CH", null, false, false, Regime.EXPORT),
                Arguments.of(
                        "goods to Great Britain are an export, VAT id or not",
                        "GB",
                        "GB123456789",
                        false,
                        false,
                        Regime.EXPORT),
                Arguments.of("goods to the United States are an export", "US", null, false, true, Regime.EXPORT),
                Arguments.of("a tax-exempt customer is exempt at home", "DE", null, true, false, Regime.EXEMPT),
                Arguments.of("a tax-exempt customer is exempt abroad", "AT", "ATU13585627", true, false, Regime.EXEMPT),
                Arguments.of("no ship-to country is taxed at home", null, null, false, false, Regime.DOMESTIC),
                Arguments.of("country codes are read in any case", "de", null, false, false, Regime.DOMESTIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aSaleFallsUnderTheRegimeOfTheFirstMatchingRule(
            String rule, String shipTo, String buyerVatId, boolean exempt, boolean oss, Regime expected) {
        assertThat(VatPolicy.regime(new Sale("DE", shipTo, buyerVatId, exempt, oss)))
                .as(rule)
                .isEqualTo(expected);
    }

    @Test
    void aGermanCompanyBuyingFromAnAustrianSellerGetsAnIntraCommunitySupply() {
        assertThat(VatPolicy.regime(new Sale("AT", "DE", "DE811907980", false, false)))
                .isEqualTo(Regime.INTRA_COMMUNITY_SUPPLY);
        assertThat(VatPolicy.regime(new Sale("AT", "AT", "ATU13585627", false, false)))
                .isEqualTo(Regime.DOMESTIC);
    }
}
