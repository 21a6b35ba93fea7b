package org.ordo.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.notifications.MailPreviews;
import org.ordo.notifications.MessageKind;
import org.ordo.shared.Money;

/** Every message renders in both languages from its templates, with a text for every key it uses. */
class MailTemplateTests {

    private static final List<String> LANGUAGES = List.of("en", "zh-CN");
    private static final List<String> EXCEPTION_KINDS =
            List.of("FAILED_ATTEMPT", "ADDRESS_PROBLEM", "DAMAGED", "LOST", "RETURNED_TO_SENDER");

    /** A message key written out instead of its text. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("(?<![-\\w])mail\\.[a-z]");

    private final MailRenderer renderer = new MailRenderer();
    private final MailCompany company =
            new MailCompany("Ordo Demo GmbH", "Musterstraße 1", "Berlin", "10115", "DE", "service@ordo.example", null);
    private final MailPreviewService previews = new MailPreviewService(
            renderer,
            company,
            new NotificationProperties(8, Duration.ofMinutes(1), null, "https://shop.example", null, Map.of(), false));

    @Test
    void everyMessageRendersInBothLanguagesWithNoMissingText() {
        for (MessageKind kind : MessageKind.values()) {
            for (String language : LANGUAGES) {
                MailPreviews.Preview preview = previews.preview(kind, language);
                assertComplete(kind + " in " + language, preview.subject(), preview.html(), preview.text());
                assertThat(preview.html())
                        .as("%s in %s names the company", kind, language)
                        .contains("Musterstraße 1");
                assertThat(preview.text())
                        .as("%s in %s plain text", kind, language)
                        .contains("Ordo Demo GmbH");
            }
            assertThat(previews.preview(kind, "zh-CN").subject())
                    .as("%s has a Chinese subject of its own", kind)
                    .isNotEqualTo(previews.preview(kind, "en").subject());
        }
    }

    @Test
    void eachKindOfDeliveryExceptionTellsWhatHappensNextInBothLanguages() {
        MailPreviewService.SampleOrder order = new MailPreviewService.SampleOrder(
                UUID.randomUUID(), "SO-2026-000123", List.of(), Money.of("10.00", "EUR"), "EUR", LocalDate.now());
        for (String exceptionKind : EXCEPTION_KINDS) {
            for (String language : LANGUAGES) {
                Map<String, Object> model = new HashMap<>(
                        MailPreviewService.orderNews(MessageKind.DELIVERY_EXCEPTION, order, exceptionKind));
                model.put("customer", new MailPreviewService.SampleCustomer("Muster GmbH", "CUS-000042"));
                model.put("company", company);
                model.put("portalUrl", "https://shop.example");
                MailRenderer.Rendered r = renderer.render(
                        MessageKind.DELIVERY_EXCEPTION,
                        Locale.forLanguageTag(language),
                        model,
                        List.of(order.number()));
                assertComplete(exceptionKind + " in " + language, r.subject(), r.html(), r.text());
                assertThat(r.text()).contains("SHP-2026-000077", "SO-2026-000123", "Nobody home");
            }
        }
        assertThat(text("LOST", "en")).contains("has lost", "send you the goods again or refund you");
        assertThat(text("ADDRESS_PROBLEM", "zh-CN")).contains("请回复正确的地址");
    }

    private String text(String exceptionKind, String language) {
        MailPreviewService.SampleOrder order = new MailPreviewService.SampleOrder(
                UUID.randomUUID(), "SO-2026-000123", List.of(), Money.of("10.00", "EUR"), "EUR", LocalDate.now());
        Map<String, Object> model =
                new HashMap<>(MailPreviewService.orderNews(MessageKind.DELIVERY_EXCEPTION, order, exceptionKind));
        model.put("customer", new MailPreviewService.SampleCustomer("Muster GmbH", "CUS-000042"));
        model.put("company", company);
        model.put("portalUrl", "https://shop.example");
        return renderer.render(
                        MessageKind.DELIVERY_EXCEPTION, Locale.forLanguageTag(language), model, List.of(order.number()))
                .text();
    }

    /** Thymeleaf writes a key it has no text for as ??key_locale??. */
    private static void assertComplete(String what, String subject, String html, String text) {
        assertThat(subject).as("%s subject", what).isNotBlank().doesNotContain("??", "{0}", "{1}");
        assertThat(html).as("%s html", what).doesNotContain("??").doesNotContainPattern(KEY);
        assertThat(text)
                .as("%s text", what)
                .isNotBlank()
                .doesNotContain("??", "[(", "[#")
                .doesNotContainPattern(KEY);
    }
}
