package org.ordo.fulfillment.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Code 128 barcodes as PNG images for the HTML documents. */
final class Barcodes {

    /** ZXing's escape for the FNC1 function character, which makes a Code 128 symbol GS1-128. */
    private static final char FNC1 = '\u00f1';

    private static final int PIXELS_PER_MODULE = 4;
    private static final int HEIGHT_PIXELS = 240;
    private static final int QUIET_ZONE_MODULES = 10;

    private Barcodes() {}

    /** A barcode image and its width in modules (bars and spaces of the narrowest width), quiet zones included. */
    record Barcode(String dataUri, int modules) {

        /** The CSS width that prints each module {@code moduleMillimetres} wide. */
        String width(double moduleMillimetres) {
            return String.format(java.util.Locale.ROOT, "%.1fmm", modules * moduleMillimetres);
        }
    }

    /** Plain Code 128 of the text (tracking numbers). */
    static Barcode code128(String text) {
        return render(text);
    }

    /** GS1-128 of an SSCC: FNC1, application identifier 00, the 18 digits. Scanners read it as {@code ]C1 00…}. */
    static Barcode sscc(String sscc) {
        return render(FNC1 + "00" + sscc);
    }

    private static Barcode render(String contents) {
        BitMatrix matrix = new Code128Writer()
                .encode(contents, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        int modules = matrix.getWidth();
        BufferedImage image =
                new BufferedImage(modules * PIXELS_PER_MODULE, HEIGHT_PIXELS, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = matrix.get(x / PIXELS_PER_MODULE, 0) ? 0x000000 : 0xFFFFFF;
            for (int y = 0; y < HEIGHT_PIXELS; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Barcode("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()), modules);
    }
}
