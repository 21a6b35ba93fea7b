package org.ordo.fulfillment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** The carriers' own public tracking pages, by the carrier codes of {@code ordo.fulfillment.carriers}. */
public final class TrackingLinks {

    private static final Map<String, String> PAGES = Map.of(
            "UPS", "https://www.ups.com/track?tracknum=",
            "DHL", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=",
            "POST", "https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode=");

    private TrackingLinks() {}

    /** The tracking page of this parcel, or null when the carrier or the number is unknown. */
    public static String url(String carrier, String trackingNumber) {
        if (carrier == null || trackingNumber == null || trackingNumber.isBlank()) {
            return null;
        }
        String page = PAGES.get(carrier.trim().toUpperCase(Locale.ROOT));
        return page == null ? null : page + URLEncoder.encode(trackingNumber.trim(), StandardCharsets.UTF_8);
    }
}
