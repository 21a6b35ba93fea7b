package org.ordo.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a document (invoice, label, packing slip, pick list) as PDF with openhtmltopdf, from a Thymeleaf template in
 * {@code templates/pdf/}. The templates are read in XML mode: the renderer needs well-formed XHTML, and XML escaping
 * drops the control characters XML cannot carry, so no value a user typed can break a document. The standard PDF
 * fonts cover Latin-1 only; a Chinese customer's name needs glyphs they lack. Those come from a fallback font: the
 * TrueType file named by {@code ordo.pdf.fallback-font}, or else the first of the usual system locations of Droid Sans
 * Fallback (Debian's {@code fonts-droid-fallback}, Apache-2.0). It is used only for characters the standard fonts lack,
 * and only the glyphs used are embedded. Without one, such characters print as placeholders.
 */
@Component
public class PdfRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PdfRenderer.class);

    static final List<Path> SYSTEM_FALLBACK_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/droid/DroidSansFallbackFull.ttf"));

    private static final String FALLBACK_FAMILY = "Ordo Fallback";

    private final Path fallbackFont;
    private final TemplateEngine templates = templateEngine();

    public PdfRenderer(@Value("${ordo.pdf.fallback-font:}") String configuredFont) {
        this.fallbackFont = fallbackFont(configuredFont, SYSTEM_FALLBACK_FONTS);
        if (fallbackFont == null) {
            LOG.info("No fallback font for PDFs: characters outside Latin-1 print as placeholders "
                    + "(install fonts-droid-fallback or set ordo.pdf.fallback-font to a TrueType file)");
        } else {
            LOG.info("PDFs take characters outside Latin-1 from {}", fallbackFont);
        }
    }

    /** The configured font, which must exist, or else the first system font found; null when there is none. */
    static Path fallbackFont(String configured, List<Path> systemFonts) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("ordo.pdf.fallback-font: no readable font file at " + path);
            }
            return path;
        }
        return systemFonts.stream().filter(Files::isReadable).findFirst().orElse(null);
    }

    public Optional<Path> fallbackFont() {
        return Optional.ofNullable(fallbackFont);
    }

    /** The PDF of the template {@code templates/pdf/<template>.html} filled with the variables, every value escaped. */
    public byte[] render(String template, Map<String, ?> variables) {
        return render(templates.process(template, new Context(Locale.ROOT, new HashMap<>(variables))));
    }

    /** The PDF of a well-formed XHTML document. */
    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (fallbackFont != null) {
                // after the standard fonts, so Latin text keeps its look and only missing glyphs come from here
                builder.useFont(
                        fallbackFont.toFile(),
                        FALLBACK_FAMILY,
                        400,
                        FontStyle.NORMAL,
                        true,
                        EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a PDF", e);
        }
        return out.toByteArray();
    }

    /** A separate engine from the pages': documents print in English without the pages' message bundles. */
    private static TemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/pdf/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setForceTemplateMode(true); // else the .html suffix would choose HTML mode
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
