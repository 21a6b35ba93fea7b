package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The cache's own rules, without a database: a change notice stands in for what every node hears. */
class ExactCacheTests {

    private final Notices notices = new Notices();
    private final Map<String, String> table = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final ExactCache<String> cache = ExactCache.of("things", notices, 10);

    @Test
    void aTrustedCacheAnswersTheSecondTimeWithoutARead() {
        table.put("a", "one");
        assertThat(cache.get("a", this::read)).isEqualTo("one");
        assertThat(cache.get("a", this::read)).isEqualTo("one");
        assertThat(reads).hasValue(1);
    }

    @Test
    void anAnnouncedChangeIsReadAgain() {
        table.put("a", "one");
        cache.get("a", this::read);
        table.put("a", "two");
        cache.announce("a");
        assertThat(cache.get("a", this::read)).isEqualTo("two");
    }

    @Test
    void whileChangesAreNotHeardEveryCallReadsAndNothingIsServedFromMemory() {
        table.put("a", "one");
        cache.get("a", this::read);
        notices.trusted = false;
        table.put("a", "changed unheard");
        assertThat(cache.get("a", this::read)).isEqualTo("changed unheard");
        assertThat(cache.getAll(List.of("a"), this::readAll)).containsEntry("a", "changed unheard");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aReadThatRacedWithAChangeDoesNotPutTheOldValueBack() {
        table.put("a", "old");
        String read = cache.get("a", key -> {
            String old = read(key);
            // the change commits and is heard while this read is under way
            table.put("a", "new");
            notices.hear("things", "a");
            return old;
        });
        assertThat(read).isEqualTo("old");
        assertThat(cache.get("a", this::read)).isEqualTo("new");
    }

    @Test
    void theTransactionThatAnnouncedAChangeNeitherTakesNorPutsEntries() {
        table.put("a", "one");
        cache.get("a", this::read);
        notices.changingNow.add("things");
        table.put("a", "uncommitted");
        assertThat(cache.get("a", this::read)).isEqualTo("uncommitted");
        table.put("b", "uncommitted too");
        assertThat(cache.get("b", this::read)).isEqualTo("uncommitted too");
        // rolled back
        notices.changingNow.clear();
        table.put("a", "one");
        table.remove("b");
        assertThat(cache.get("b", this::read)).isNull();
        assertThat(cache.get("a", this::read)).isEqualTo("one");
        assertThat(reads).hasValue(4);
    }

    @Test
    void manyKeysAreReadInOneCallAndOnlyTheMissingOnes() {
        table.put("a", "one");
        table.put("b", "two");
        cache.get("a", this::read);
        List<Set<String>> asked = new ArrayList<>();
        Map<String, String> found = cache.getAll(List.of("a", "b", "c"), keys -> {
            asked.add(keys);
            return readAll(keys);
        });
        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("a", "one", "b", "two"));
        assertThat(asked).containsExactly(Set.of("b", "c"));
    }

    @Test
    void aChangeOfAllForgetsEverything() {
        table.put("a", "one");
        table.put("b", "two");
        cache.getAll(List.of("a", "b"), this::readAll);
        cache.announceAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        for (int i = 0; i < 100; i++) {
            table.put("k" + i, "v" + i);
            cache.get("k" + i, this::read);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    private String read(String key) {
        reads.incrementAndGet();
        return table.get(key);
    }

    private Map<String, String> readAll(Set<String> keys) {
        reads.incrementAndGet();
        Map<String, String> found = new HashMap<>();
        keys.stream().filter(table::containsKey).forEach(k -> found.put(k, table.get(k)));
        return found;
    }

    /** One node whose changes are heard at once. */
    private static final class Notices implements ChangeNotices {
        private final Map<String, List<Consumer<String>>> forgetting = new HashMap<>();
        final Set<String> changingNow = new HashSet<>();
        boolean trusted = true;

        @Override
        public void onChange(String cache, Consumer<String> forget) {
            forgetting.computeIfAbsent(cache, k -> new ArrayList<>()).add(forget);
        }

        @Override
        public boolean trusted() {
            return trusted;
        }

        @Override
        public void announce(String cache, String key) {
            hear(cache, key);
        }

        @Override
        public void announceAll(String cache) {
            hear(cache, null);
        }

        @Override
        public boolean changedInThisTransaction(String cache) {
            return changingNow.contains(cache);
        }

        void hear(String cache, String key) {
            forgetting.getOrDefault(cache, List.of()).forEach(f -> f.accept(key));
        }
    }
}
