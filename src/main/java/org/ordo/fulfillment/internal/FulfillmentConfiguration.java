package org.ordo.fulfillment.internal;

import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class FulfillmentConfiguration {

    /** Binds {@code ordo.fulfillment.*}; the record's defaults apply to whatever is not set. */
    @Bean
    FulfillmentProperties fulfillmentProperties(Environment environment) {
        return Binder.get(environment)
                .bind("ordo.fulfillment", FulfillmentProperties.class)
                .orElseGet(() -> new FulfillmentProperties(0, "4012345", List.of()));
    }
}
