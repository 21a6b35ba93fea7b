package org.ordo.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.platform.Database;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order number is taken inside the order's insert: the prefix with the year, then at least six digits. */
@OrdoTest
class OrderNumberTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Database database;

    @Test
    void anOrderNumberHasAtLeastSixDigitsAndTheMillionthIsNotCutShort() {
        assertThat(numbers(7, 1)).containsExactly("SO-2026-000007");
        assertThat(numbers(999_999, 2)).containsExactly("SO-2026-999999", "SO-2026-1000000");
    }

    /** {@code count} numbers from a sequence of their own starting at {@code start}: the shared one is left alone. */
    private List<String> numbers(long start, int count) {
        String sequence = "order_number_probe_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE SEQUENCE " + sequence + " START WITH " + start).update();
        try {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                numbers.add(jdbc.sql("SELECT " + OrderStore.number(database.nextValue(sequence)))
                        .param("SO-2026-")
                        .query(String.class)
                        .single());
            }
            return numbers;
        } finally {
            jdbc.sql("DROP SEQUENCE " + sequence).update();
        }
    }
}
