package org.ordo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full Ordo on a random port against the test PostgreSQL. All tests with this annotation share one
 * application context (and one database), so each test creates its own uniquely named data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            // every test calls from the loopback address: the per-address limit is LoginThrottleTests' to check
            "ordo.identity.throttle.max-failures=100000",
            // amounts in tests are the goods' unless a test is about shipping (ShippingChargeTests)
            "ordo.shipping.charging=false",
            // the carrier UPS may send tracking events (CarrierEventTests)
            "ORDO_CARRIER_UPS_WEBHOOK_SECRET=" + Api.CARRIER_SECRET
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface OrdoTest {}
