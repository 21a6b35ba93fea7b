package org.ordo.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Labels, packing slips and pick lists are real PDFs: their text can be read and their barcodes scanned. */
@OrdoTest
class ShipmentDocumentsTests {

    @LocalServerPort
    int port;

    @Test
    void theLabelCarriesTheTrackingNumberAndTheSsccAsBarcodesThatScan() throws IOException {
        Api admin = Api.at(port).asAdmin();
        JsonNode packed = new ShippingFixtures(port).packedShipment(2);
        String id = packed.get("id").asString();
        String sscc = packed.get("package").get("sscc").asString();
        JsonNode shipped = admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "EXPRESS"))
                .expect(200)
                .json();
        String tracking = shipped.get("trackingNumber").asString();

        Api.Binary label = admin.header("Accept", "application/pdf")
                .download("GET", "/api/shipments/" + id + "/label", null)
                .expect(200);

        assertThat(label.contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(label.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains(
                            shipped.get("orderNumber").asString(),
                            shipped.get("number").asString(),
                            tracking,
                            "(00) " + sscc,
                            "UPS Express Saver");
            Map<String, Result> barcodes = decode(new PDFRenderer(pdf).renderImageWithDPI(0, 300, ImageType.RGB));
            assertThat(barcodes).containsKey(tracking);
            // GS1-128: FNC1 first (symbology identifier ]C1), then application identifier 00 and the SSCC
            assertThat(barcodes).containsKey("00" + sscc);
            assertThat(barcodes.get("00" + sscc).getResultMetadata())
                    .containsEntry(ResultMetadataType.SYMBOLOGY_IDENTIFIER, "]C1");
            assertThat(barcodes.get(tracking).getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
        }
    }

    @Test
    void thePackingSlipListsTheShipmentsLinesAndTheLabelWaitsForShipping() throws IOException {
        Api admin = Api.at(port).asAdmin();
        JsonNode packed = new ShippingFixtures(port).packedShipment(3);
        String id = packed.get("id").asString();
        JsonNode line = packed.get("lines").get(0);

        Api.Response early = admin.get("/api/shipments/" + id + "/label").expect(409);
        assertThat(early.json().get("errorCode").asString()).isEqualTo("label-not-ready");
        Api.Binary slip = admin.download("GET", "/api/shipments/" + id + "/packing-slip", null)
                .expect(200);

        assertThat(slip.contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(slip.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains(
                            "Packing slip",
                            packed.get("orderNumber").asString(),
                            packed.get("number").asString(),
                            line.get("sku").asString(),
                            line.get("name").asString(),
                            packed.get("package").get("sscc").asString());
        }
    }

    @Test
    void aCombinedPickListPrintsAsPdf() throws IOException {
        Api admin = Api.at(port).asAdmin();
        ShippingFixtures shipping = new ShippingFixtures(port);
        String warehouse = shipping.fixtures().warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        shipping.fixtures().receive(sku, warehouse, 5);
        shipping.bin(warehouse, sku, "Z-99-01");
        String number = shipping.plan(shipping.order(shipping.fixtures().customer("100000.00"), null, sku, 5)
                        .get("id")
                        .asString())
                .get(0)
                .get("number")
                .asString();

        Api.Binary pdf = admin.header("Accept", "application/pdf")
                .download("POST", "/api/pick-lists", Map.of("shipments", List.of(number)))
                .expect(200);

        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Pick list", warehouse, "Z-99-01", sku, number);
        }
    }

    /** Every Code 128 symbol on the page, by decoded text: the whole page first, then horizontal bands of it. */
    static Map<String, Result> decode(BufferedImage page) {
        Map<DecodeHintType, Object> hints = Map.of(
                DecodeHintType.TRY_HARDER,
                Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.CODE_128));
        Map<String, Result> found = new LinkedHashMap<>();
        try {
            for (Result r :
                    new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap(page), hints)) {
                found.put(r.getText(), r);
            }
        } catch (NotFoundException ignored) {
            // the bands below may still find them
        }
        int band = page.getHeight() / 8;
        for (int top = 0; top + band <= page.getHeight(); top += band / 2) {
            try {
                Result r =
                        new MultiFormatReader().decode(bitmap(page.getSubimage(0, top, page.getWidth(), band)), hints);
                found.putIfAbsent(r.getText(), r);
            } catch (NotFoundException ignored) {
                // no barcode in this band
            }
        }
        return found;
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
    }

    static List<String> texts(Map<String, Result> results) {
        return new ArrayList<>(results.keySet());
    }
}
