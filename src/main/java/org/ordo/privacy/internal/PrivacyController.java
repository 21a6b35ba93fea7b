package org.ordo.privacy.internal;

import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/customers/{id}/personal-data} and {@code /erasure}: for ADMIN only, as they show and remove a person. */
@RestController
class PrivacyController {

    private final PrivacyService privacy;

    PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/api/customers/{id}/personal-data")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> personalData(@PathVariable UUID id) {
        return privacy.export(id);
    }

    record ErasureRequest(String reason) {}

    @PostMapping("/api/customers/{id}/erasure")
    @PreAuthorize("hasRole('ADMIN')")
    PrivacyService.Erasure erase(@PathVariable UUID id, @RequestBody(required = false) ErasureRequest request) {
        return privacy.erase(id, request == null ? null : request.reason());
    }
}
