package org.ordo.pricing.internal;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

    /** Binds {@code ordo.pricing.*}; without it SALES may give up to 10 % off. */
    @Bean
    PricingProperties pricingProperties(Environment environment) {
        return Binder.get(environment)
                .bind("ordo.pricing", PricingProperties.class)
                .orElseGet(() -> new PricingProperties(null));
    }
}
