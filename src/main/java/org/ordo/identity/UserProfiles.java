package org.ordo.identity;

import java.util.Optional;

/** What the pages show of the signed-in user and the settings a user changes for themselves. */
public interface UserProfiles {

    /**
     * {@code displayName} may be null; {@code locale} is a language tag such as {@code en} or {@code zh-CN};
     * {@code timeZone} a zone id such as {@code Asia/Shanghai}, null for the company's zone.
     */
    record UserProfile(String username, String displayName, String locale, String timeZone) {}

    Optional<UserProfile> profile(String username);

    /**
     * Sets the user's language (audited like any change of the user).
     *
     * @throws org.ordo.shared.OrdoException invalid (400) for a malformed tag, not found for an unknown user
     */
    void changeLocale(String username, String locale);

    /**
     * Sets the zone the user reads times in; null or blank for the company's zone (audited like any change).
     *
     * @throws org.ordo.shared.OrdoException invalid (400) naming {@code timeZone} for an unknown zone id
     */
    void changeTimeZone(String username, String timeZone);

    /**
     * Changes the user's own password, after checking the current one; the password rule is the same as on creation
     * (audited, without the password).
     *
     * @throws org.ordo.shared.OrdoException invalid (400) naming {@code currentPassword} (missing or wrong) or
     *         {@code newPassword} (too short, too long, or the same as the current one)
     */
    void changePassword(String username, String currentPassword, String newPassword);
}
