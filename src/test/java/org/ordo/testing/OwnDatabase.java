package org.ordo.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at a new, empty database of its own on the test PostgreSQL, for a test that must
 * start from nothing or may leave anything behind (the demo data, calls that start jobs on whatever they find).
 */
public class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresTestDatabase.Connection db = PostgresTestDatabase.createDatabase(
                "ordo_own_" + ProcessHandle.current().pid() + "_" + CONTEXTS.incrementAndGet());
        TestPropertyValues.of(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password())
                .applyTo(context);
    }
}
