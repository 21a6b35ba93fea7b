package org.ordo.identity.internal;

import org.ordo.identity.UserProfiles;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link UserProfiles} on the user store; a change goes through {@link UserManagement}, which checks and audits it. */
@Component
class UserProfileDesk implements UserProfiles {

    private final UserAccounts accounts;
    private final UserManagement management;

    UserProfileDesk(UserAccounts accounts, UserManagement management) {
        this.accounts = accounts;
        this.management = management;
    }

    @Override
    public Optional<UserProfile> profile(String username) {
        return accounts.load(username).map(u -> new UserProfile(u.username(), u.displayName(), u.locale()));
    }

    @Override
    public void changeLocale(String username, String locale) {
        UserChanges changes = new UserChanges();
        changes.setLocale(locale);
        management.update(username, null, changes);
    }

    @Override
    public void changePassword(String username, String currentPassword, String newPassword) {
        management.changeOwnPassword(username, currentPassword, newPassword);
    }
}
