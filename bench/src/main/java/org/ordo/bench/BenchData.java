package org.ordo.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The benchmark data set: names, prices and ids are functions of an index, so every tool knows them without a query. */
final class BenchData {

    static final int PRODUCTS = 10_000;
    static final int CUSTOMERS = 1_000;
    static final List<String> WAREHOUSES = List.of("BW1", "BW2", "BW3");
    /** Plenty: scenario 1 never runs out, so every order is served from stock. */
    static final long STOCK_PER_LEVEL = 1_000_000;
    /** Contention sets: 5 SKUs each, 200 units per SKU spread over the warehouses, 1,000 units in all. */
    static final List<String> HOT_SETS = List.of("HOTA", "HOTB", "HOTC");

    static final int HOT_SKUS = 5;
    static final long[] HOT_STOCK = {67, 67, 66};

    private BenchData() {}

    static String sku(int i) {
        return String.format("BENCH-%05d", i);
    }

    static String productName(int i) {
        return "Bench product " + i;
    }

    static BigDecimal unitPrice(int i) {
        return BigDecimal.valueOf(500 + (i % 200) * 100 + 99, 2);
    }

    static List<String> hotSkus(String set) {
        return java.util.stream.IntStream.rangeClosed(1, HOT_SKUS)
                .mapToObj(n -> set + "-" + n)
                .toList();
    }

    static UUID customerId(int i) {
        return UUID.nameUUIDFromBytes(("ordo-bench-customer-" + i).getBytes(StandardCharsets.UTF_8));
    }

    static UUID randomCustomer() {
        return customerId(ThreadLocalRandom.current().nextInt(CUSTOMERS));
    }

    /** {@code n} distinct random product indexes. */
    static int[] randomProducts(int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int[] picked = new int[n];
        int count = 0;
        while (count < n) {
            int candidate = random.nextInt(PRODUCTS);
            boolean seen = false;
            for (int j = 0; j < count && !seen; j++) {
                seen = picked[j] == candidate;
            }
            if (!seen) {
                picked[count++] = candidate;
            }
        }
        return picked;
    }

    static int[] sorted(int[] indexes) {
        int[] copy = indexes.clone();
        Arrays.sort(copy);
        return copy;
    }
}
