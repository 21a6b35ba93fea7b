package org.ordo;

import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.invoicing.PaymentStatus;
import org.ordo.returns.ReturnStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipment, invoice, payment and return state diagrams in docs/domain.md are the transition tables of their enums,
 * edge for edge (the order's is checked by {@code OrderStatusDiagramTests}).
 */
class StateDiagramTests {

    private static final Pattern EDGE = Pattern.compile("^\\s*([A-Z_]+)\\s*-->\\s*([A-Z_]+)\\b", Pattern.MULTILINE);

    @Test
    void theShipmentDiagramMatchesShipmentStatus() throws IOException {
        assertThat(documented("shipment-states")).isEqualTo(table(ShipmentStatus.values(), ShipmentStatus::allowedNext));
    }

    @Test
    void theInvoiceDiagramMatchesInvoiceStatus() throws IOException {
        assertThat(documented("invoice-states")).isEqualTo(table(InvoiceStatus.values(), InvoiceStatus::allowedNext));
    }

    @Test
    void thePaymentDiagramMatchesPaymentStatus() throws IOException {
        assertThat(documented("payment-states")).isEqualTo(table(PaymentStatus.values(), PaymentStatus::allowedNext));
    }

    @Test
    void theReturnDiagramMatchesReturnStatus() throws IOException {
        assertThat(documented("return-states")).isEqualTo(table(ReturnStatus.values(), ReturnStatus::allowedNext));
    }

    /** The edges between the markers {@code <!-- name:start -->} and {@code <!-- name:end -->}; [*] edges are not states. */
    private static Set<String> documented(String name) throws IOException {
        String doc = Files.readString(Path.of("docs/domain.md"));
        int start = doc.indexOf("<!-- " + name + ":start -->");
        int end = doc.indexOf("<!-- " + name + ":end -->");
        assertThat(start).as("marker %s:start in docs/domain.md", name).isNotNegative();
        assertThat(end).as("marker %s:end in docs/domain.md", name).isGreaterThan(start);
        Set<String> edges = new TreeSet<>();
        Matcher m = EDGE.matcher(doc.substring(start, end));
        while (m.find()) {
            edges.add(m.group(1) + " -> " + m.group(2));
        }
        return edges;
    }

    private static <S extends Enum<S>> Set<String> table(S[] states, Function<S, List<S>> allowedNext) {
        Set<String> edges = new TreeSet<>();
        for (S from : states) {
            allowedNext.apply(from).forEach(to -> edges.add(from + " -> " + to));
        }
        return edges;
    }
}
