package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese customer's name prints as itself on invoices and labels, not as placeholders, while Latin text keeps the
 * standard fonts. CI installs the system fallback font, so there the font must be found; elsewhere the test needs it.
 */
class PdfRendererTests {

    static final String DOCUMENT = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>t</title>"
            + "<style>body { font-family: Helvetica, Arial, sans-serif; }</style></head>"
            + "<body><p>Bill to: 上海贸易有限公司</p><p>Müller GmbH, Köln</p></body></html>";

    @Test
    void namesOutsideLatin1PrintAsThemselvesFromTheFallbackFontAndLatinTextKeepsTheStandardFont() throws IOException {
        PdfRenderer renderer = new PdfRenderer("");
        if (System.getenv("CI") != null) {
            assertThat(renderer.fallbackFont())
                    .as("CI installs fonts-droid-fallback")
                    .isPresent();
        }
        assumeTrue(renderer.fallbackFont().isPresent(), "no fallback font on this machine");

        try (PDDocument pdf = Loader.loadPDF(renderer.render(DOCUMENT))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("上海贸易有限公司", "Müller GmbH, Köln");
            List<String> fonts = fontNames(pdf.getPage(0).getResources());
            assertThat(fonts).anyMatch(name -> name.contains("Helvetica"));
            // embedded as a subset: only the glyphs used, under a tagged name such as ABCDEF+DroidSansFallbackFull
            assertThat(fonts).anyMatch(name -> name.matches("[A-Z]{6}\\+.*"));
        }
        assertThat(Files.size(renderer.fallbackFont().orElseThrow()))
                .isGreaterThan(renderer.render(DOCUMENT).length * 10L);
    }

    @Test
    void withoutAFallbackFontTheDocumentStillRenders() throws IOException {
        assertThat(PdfRenderer.fallbackFont("", List.of(Path.of("/nonexistent/font.ttf"))))
                .isNull();
        try (PDDocument pdf =
                Loader.loadPDF(new PdfRenderer("").render(DOCUMENT.replace("上海贸易有限公司", "Shanghai Trading")))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Shanghai Trading", "Müller GmbH, Köln");
        }
    }

    @Test
    void aValueTypedWithMarkupOrControlCharactersPrintsAsTextAndCannotBreakTheDocument() throws IOException {
        String typed = "<b>Smith & Sons</b> \"Ltd\" it's\u0001\u0007 done";

        byte[] document = new PdfRenderer("").render("note", Map.of("text", typed));

        try (PDDocument pdf = Loader.loadPDF(document)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Note: <b>Smith & Sons</b> \"Ltd\" it's done");
        }
    }

    @Test
    void aConfiguredFontThatIsMissingStopsTheStartWithThePropertyNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> new PdfRenderer(dir.resolve("missing.ttf").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ordo.pdf.fallback-font")
                .hasMessageContaining("missing.ttf");
    }

    private static List<String> fontNames(PDResources resources) throws IOException {
        List<String> names = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            names.add(resources.getFont(name).getName());
        }
        return names;
    }
}
