package org.ordo.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ordo.notifications.MessageKind;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from {@code templates/mail/<kind>.html} and {@code .txt} with the texts of
 * {@code messages-mail*.properties} in the customer's language; a new language is a new bundle.
 */
@Component
class MailRenderer {

    record Rendered(String subject, String html, String text) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

    MailRenderer() {
        texts.setBasename("messages-mail");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(texts);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of(mode == TemplateMode.HTML ? "html/*" : "text/*"));
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    Rendered render(MessageKind kind, Locale language, Map<String, Object> model, List<Object> subjectArgs) {
        Context context = new Context(language, model);
        String subject = texts.getMessage("mail." + kind.key() + ".subject", subjectArgs.toArray(), language);
        context.setVariable("subject", subject);
        return new Rendered(
                subject, engine.process("html/" + kind.key(), context), engine.process("text/" + kind.key(), context));
    }
}
