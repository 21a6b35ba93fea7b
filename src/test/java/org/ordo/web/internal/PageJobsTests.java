package org.ordo.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** The page jobs: off the request thread, readable only by their owner, forgotten once old; kept in the database. */
class PageJobsTests {

    /** A clock the test moves on by hand. */
    static final class MovableClock extends Clock {

        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final PageJobs jobs = new PageJobs(
            new PageJobStore(JdbcClient.create(database()), JsonMapper.builder().build()), clock, 2);

    /** A new in-memory database with Ordo's tables. */
    private static DataSource database() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:jobs" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        return db;
    }

    @AfterEach
    void stop() {
        jobs.stop();
    }

    @Test
    void aJobReportsItsProgressToItsOwnerOnlyAndItsResultOnceDone() throws InterruptedException {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        String id = jobs.start("export", "anna", progress -> {
            progress.total(4);
            progress.done(2);
            halfway.countDown();
            try {
                proceed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            progress.done(4);
            return new AccountingPages.ExportFile("invoices.csv", "number\n", 4);
        });
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jobs.find(id, "anna").orElseThrow().percent() == 50);
        assertThat(jobs.find(id, "anna").orElseThrow().running()).isTrue();
        assertThat(jobs.find(id, "bob")).isEmpty();

        proceed.countDown();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !jobs.find(id, "anna").orElseThrow().running());
        PageJobs.View done = jobs.find(id, "anna").orElseThrow();
        assertThat(done.state()).isEqualTo(PageJobs.State.DONE);
        assertThat(done.result()).isEqualTo(new AccountingPages.ExportFile("invoices.csv", "number\n", 4));
        assertThat(done.done()).isEqualTo(4);
    }

    @Test
    void aFailingJobKeepsItsErrorAndFinishedJobsAreForgottenAfterHalfAnHour() {
        String id = jobs.start("dunning", "anna", progress -> {
            throw new IllegalStateException("database went away");
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !jobs.find(id, "anna").orElseThrow().running());
        assertThat(jobs.find(id, "anna").orElseThrow().errors()).containsExactly("database went away");
        clock.now = clock.now.plus(PageJobs.KEEP).plusSeconds(1);
        assertThat(jobs.find(id, "anna")).isEmpty();
    }

    @Test
    void aUserCannotStartMoreThanAFewJobsAtOnce() {
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < PageJobs.MAX_RUNNING_PER_OWNER; i++) {
            jobs.start("export", "anna", progress -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
        }
        assertThatThrownBy(() -> jobs.start("export", "anna", progress -> null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jobs.start("export", "bob", progress -> null)).isNotBlank();
        release.countDown();
    }
}
