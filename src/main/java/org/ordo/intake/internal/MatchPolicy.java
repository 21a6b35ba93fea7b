package org.ordo.intake.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a line of a purchase order is matched to a product, surest first: the customer's own item code, a GTIN, the SKU
 * written on the line, and last the description against product names (a blend of character trigrams and word
 * similarity, so that misspellings still match), whose confidence falls when another product scores nearly as well.
 */
final class MatchPolicy {

    record Product(String sku, String name, String gtin) {}

    /** {@code sku} null when nothing matched well enough. */
    record Match(String sku, double confidence, String reason) {}

    /** Below this similarity a name matches nothing. */
    static final double LEAST_SIMILARITY = 0.45;

    private final Map<String, String> customerCodes = new HashMap<>();
    private final Map<String, String> gtins = new HashMap<>();
    private final Map<String, String> skus = new HashMap<>();
    private final List<Name> names = new ArrayList<>();

    private record Name(String sku, List<String> words, Set<String> trigrams) {}

    MatchPolicy(List<Product> products, Map<String, String> customerItemCodes) {
        customerItemCodes.forEach((code, sku) -> customerCodes.put(code(code), sku));
        for (Product p : products) {
            skus.put(code(p.sku()), p.sku());
            if (p.gtin() != null) {
                gtins.put(gtin(p.gtin()), p.sku());
            }
            String normal = normal(p.name());
            names.add(new Name(p.sku(), words(normal), trigrams(normal)));
        }
    }

    /** A line read and what it was matched to. */
    record MatchedLine(PurchaseOrderText.RawLine line, Match match) {}

    /** Below this a line that only looked like one ("12 Main Street") is taken for no line at all. */
    static final double LEAST_FOR_WEAK_LINES = 0.6;

    /** The lines of a purchase order, matched; a weak line (a number and words) only when it matched a product well. */
    List<MatchedLine> match(PurchaseOrderText po) {
        List<MatchedLine> matched = new ArrayList<>();
        for (PurchaseOrderText.RawLine line : po.lines()) {
            Match m = match(line.codes(), line.description());
            if (!line.weak() || (m.sku() != null && m.confidence() >= LEAST_FOR_WEAK_LINES)) {
                matched.add(new MatchedLine(line, m));
            }
        }
        return matched;
    }

    Match match(List<String> codes, String description) {
        for (String c : codes) {
            String sku = customerCodes.get(code(c));
            if (sku != null) {
                return new Match(sku, 1.0, "CUSTOMER_CODE");
            }
        }
        for (String c : codes) {
            if (c.matches("\\d{8,14}") && gtins.containsKey(gtin(c))) {
                return new Match(gtins.get(gtin(c)), 1.0, "GTIN");
            }
        }
        for (String c : codes) {
            if (skus.containsKey(code(c))) {
                return new Match(skus.get(code(c)), 0.98, "SKU");
            }
        }
        return byName(description == null ? "" : description);
    }

    private Match byName(String description) {
        String normal = normal(description);
        if (normal.isBlank() || names.isEmpty()) {
            return new Match(null, 0, "NONE");
        }
        List<String> words = words(normal);
        Set<String> trigrams = trigrams(normal);
        double best = 0;
        double second = 0;
        String sku = null;
        for (Name name : names) {
            double score = 0.4 * dice(trigrams, name.trigrams()) + 0.6 * wordScore(words, name.words());
            if (score > best) {
                second = best;
                best = score;
                sku = name.sku();
            } else if (score > second) {
                second = score;
            }
        }
        if (best < LEAST_SIMILARITY) {
            return new Match(null, best, "NONE");
        }
        double margin = Math.min(1, 0.7 + 3 * (best - second));
        return new Match(sku, Math.min(0.97, best * margin), "NAME");
    }

    /** How well the words of a line and of a name agree, each word counted by its closest one on the other side. */
    private static double wordScore(List<String> line, List<String> name) {
        if (line.isEmpty() || name.isEmpty()) {
            return 0;
        }
        double recall =
                name.stream().mapToDouble(w -> closest(w, line)).average().orElse(0);
        double precision =
                line.stream().mapToDouble(w -> closest(w, name)).average().orElse(0);
        // a line often says more than the name ("Widget blue, boxed"): the name's words weigh more
        return 0.65 * recall + 0.35 * precision;
    }

    private static double closest(String word, List<String> others) {
        double best = 0;
        for (String o : others) {
            best = Math.max(best, similarity(word, o));
        }
        return best;
    }

    /** 1 minus the edit distance (a swap of neighbours counts once) over the longer length. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return 1 - (double) d[a.length()][b.length()] / Math.max(a.length(), b.length());
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String t : a) {
            if (b.contains(t)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    private static Set<String> trigrams(String normal) {
        Set<String> grams = new HashSet<>();
        String padded = " " + normal + " ";
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

    private static List<String> words(String normal) {
        return normal.isBlank() ? List.of() : List.of(normal.split(" "));
    }

    /** Lower case without accents and punctuation, words one space apart. */
    static String normal(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }

    private static String code(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** A GTIN compared without its leading zeros, so that GTIN-13 and its GTIN-14 form agree. */
    private static String gtin(String gtin) {
        return gtin.trim().replaceFirst("^0+", "");
    }
}
