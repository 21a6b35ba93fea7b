package org.ordo.identity.internal;

import java.util.Optional;
import org.ordo.identity.UserProfiles;
import org.springframework.stereotype.Component;

/** {@link UserProfiles} on the user store; a change goes through {@link UserService}, which checks and audits it. */
@Component
class UserProfileService implements UserProfiles {

    private final UserStore accounts;
    private final UserService management;

    UserProfileService(UserStore accounts, UserService management) {
        this.accounts = accounts;
        this.management = management;
    }

    @Override
    public Optional<UserProfile> profile(String username) {
        return accounts.load(username)
                .map(u -> new UserProfile(u.username(), u.displayName(), u.locale(), u.timeZone()));
    }

    @Override
    public void changeLocale(String username, String locale) {
        UserChanges changes = new UserChanges();
        changes.setLocale(locale);
        management.update(username, null, changes);
    }

    @Override
    public void changeTimeZone(String username, String timeZone) {
        UserChanges changes = new UserChanges();
        changes.setTimeZone(timeZone);
        management.update(username, null, changes);
    }

    @Override
    public void changePassword(String username, String currentPassword, String newPassword) {
        management.changeOwnPassword(username, currentPassword, newPassword);
    }
}
