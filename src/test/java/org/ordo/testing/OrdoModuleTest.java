package org.ordo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The module of the test's package with every module it depends on, and nothing else (Spring Modulith's
 * {@link ApplicationModuleTest}): the modules that use it and the pages are left out, so a test shows what the module does
 * on its own. On a random port against the test PostgreSQL, so that {@link Fixtures} can set up data through the API; test
 * methods may take a {@link org.springframework.modulith.test.Scenario}. The test classes of one module share one context.
 * <p>
 * The database is the one the full contexts of {@link OrdoTest} use, so starting up must not republish their outstanding
 * event publications: this context lacks the listeners of the modules it leaves out and would mark those publications failed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "spring.modulith.events.republish-outstanding-events-on-restart=false",
            // amounts in tests are the goods' unless a test is about shipping (ShippingChargeTests)
            "ordo.shipping.charging=false"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface OrdoModuleTest {}
