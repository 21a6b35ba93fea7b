package org.ordo.orders.internal;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    /** Binds {@code ordo.orders.*}; the record's defaults apply to whatever is not set. */
    @Bean
    OrderProperties orderProperties(Environment environment) {
        return Binder.get(environment)
                .bind("ordo.orders", OrderProperties.class)
                .orElseGet(() -> new OrderProperties(1000, true, 1, 14, Map.of(), false, 1));
    }

    /** Binds {@code ordo.shipping.*}; without it every order ships free. */
    @Bean
    ShippingProperties shippingProperties(Environment environment) {
        return Binder.get(environment)
                .bind("ordo.shipping", ShippingProperties.class)
                .orElseGet(() -> new ShippingProperties(true, Map.of(), Map.of(), java.util.Set.of()));
    }
}
