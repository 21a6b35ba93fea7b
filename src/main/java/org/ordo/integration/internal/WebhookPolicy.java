package org.ordo.integration.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ordo.integration.EventType;
import org.ordo.integration.WebhookRule;
import org.ordo.integration.Webhooks;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;

/** What a subscription must be: an https URL (http only to this machine), a Standard Webhooks secret, known types. */
final class WebhookPolicy {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookPolicy() {}

    /** The violations of a request; {@code creating}: url and event types are required. */
    static List<FieldViolation> check(Webhooks.SubscriptionRequest request, boolean creating) {
        List<FieldViolation> problems = new ArrayList<>();
        if (request.url() == null) {
            if (creating) {
                problems.add(CommonRule.REQUIRED.at("url"));
            }
        } else if (request.url().length() > 2000) {
            problems.add(CommonRule.TOO_LONG.at("url", 2000));
        } else if (!acceptedUrl(request.url())) {
            problems.add(WebhookRule.HTTPS_URL.at("url"));
        }
        if (request.secret() != null && !WebhookSignatures.wellFormed(request.secret())) {
            problems.add(WebhookRule.SECRET_FORMAT.at("secret"));
        }
        checkTypes(request.eventTypes(), creating, problems);
        return problems;
    }

    private static void checkTypes(List<String> types, boolean creating, List<FieldViolation> problems) {
        if (types == null || types.isEmpty()) {
            if (creating || types != null) {
                problems.add(CommonRule.REQUIRED.at("eventTypes"));
            }
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (type == null
                    || !(EventType.ALL.equals(type) || EventType.of(type).isPresent())) {
                problems.add(WebhookRule.EVENT_TYPE.at("eventTypes[" + i + "]", EventType.keys()));
            } else if (!seen.add(type)) {
                problems.add(CommonRule.LISTED_TWICE.at("eventTypes[" + i + "]"));
            }
        }
    }

    static boolean acceptedUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || uri.getUserInfo() != null) {
                return false;
            }
            return scheme.equals("https") || (scheme.equals("http") && LOCAL_HOSTS.contains(host));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
