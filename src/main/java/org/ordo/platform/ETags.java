package org.ordo.platform;

import org.ordo.shared.OrdoException;

/** Versions as ETags ({@code "7"}) and the If-Match check that turns a stale update into a 412. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an If-Match header against the current version. A missing header passes (the update is then
     * last-writer-wins, as for clients that do not use ETags); {@code *} matches any version.
     */
    public static void requireMatch(String ifMatch, long currentVersion, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            if (value.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw OrdoException.stale(what, currentVersion);
    }
}
