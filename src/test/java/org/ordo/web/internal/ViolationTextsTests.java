package org.ordo.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.edi.EdiRule;
import org.ordo.inventory.InventoryRule;
import org.ordo.invoicing.PaymentRule;
import org.ordo.purchasing.PurchasingRule;
import org.ordo.reporting.ReportRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Pages show a domain rule's violation in the user's language by the rule's code, never by its English text. */
class ViolationTextsTests {

    private final ViolationTexts texts = new ViolationTexts(bundles());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyRuleOfTheCommonPaymentReportInventoryAndPurchasingRuleBooksHasATextInEnglishAndChinese()
            throws IOException {
        List<String> keys = Stream.of(
                        CommonRule.values(),
                        PaymentRule.values(),
                        ReportRule.values(),
                        InventoryRule.values(),
                        PurchasingRule.values(),
                        EdiRule.values(),
                        org.ordo.quotations.QuotationRule.values())
                .flatMap(Stream::of)
                .map(FieldRule::code)
                .map(code -> "violation." + code)
                .toList();
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties texts = load(bundle);
            List<String> missing =
                    keys.stream().filter(k -> !texts.containsKey(k)).toList();
            assertThat(missing).as("rule texts missing in %s", bundle).isEmpty();
        }
    }

    @Test
    void noTwoRulesShareACode() {
        List<String> codes = Stream.of(
                        CommonRule.values(),
                        PaymentRule.values(),
                        ReportRule.values(),
                        InventoryRule.values(),
                        PurchasingRule.values(),
                        EdiRule.values())
                .flatMap(Stream::of)
                .map(FieldRule::code)
                .toList();
        assertThat(codes).doesNotHaveDuplicates();
    }

    @Test
    void aViolationIsShownInTheUsersLanguageWithItsArguments() {
        FieldViolation tooMuch =
                PaymentRule.EXCEEDS_INVOICE.at("allocations[0].amount", Money.of("11.90", "EUR"), "INV-2026-000001");
        assertThat(tooMuch.message()).isEqualTo("exceeds the 11.90 EUR open on INV-2026-000001");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.of(tooMuch)).isEqualTo("More than the 11.90 EUR open on INV-2026-000001.");
        assertThat(texts.of(CommonRule.TOO_LONG.at("reference", 100))).isEqualTo("At most 100 characters.");

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.of(tooMuch)).isEqualTo("超过 INV-2026-000001 的未付金额 11.90 EUR。");
        assertThat(texts.of(ReportRule.BEFORE_START.at("to"))).isEqualTo("不能早于开始日期。");
    }

    @Test
    void aViolationWithoutCodeOrWithoutTextIsShownAsTheModuleSaysIt() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.of(new FieldViolation("name", "must not be blank"))).isEqualTo("must not be blank");
        FieldRule unknown = new FieldRule() {
            @Override
            public String code() {
                return "no-text-for-this";
            }

            @Override
            public String message() {
                return "must be the payment's currency {0}";
            }
        };
        assertThat(texts.of(unknown.at("amount.currency", "EUR"))).isEqualTo("must be the payment's currency EUR");
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src", "main", "resources", bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
