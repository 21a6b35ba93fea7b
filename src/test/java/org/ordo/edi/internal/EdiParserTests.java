package org.ordo.edi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.edi.EdiFiles;

/**
 * Every sample interchange of src/test/resources/edi (public test files, see the licences there) and generated variants
 * in legal but unusual syntax are read whole; what Ordo writes back passes StAEDI's envelope validation.
 */
class EdiParserTests {

    final EdiParser parser = new EdiParser();
    final PurchaseOrderReader reader = new PurchaseOrderReader();

    static String sample(String path) {
        try (var in = EdiParserTests.class.getResourceAsStream("/edi/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everySampleFileIsReadWithAllItsTransactions() {
        Map<String, String> types = Map.ofEntries(
                Map.entry("x12/nodex12_850.edi", "850"),
                Map.entry("x12/nodex12_850_2.edi", "850"),
                Map.entry("x12/nodex12_850_3.edi", "850"),
                Map.entry("x12/nodex12_850_fat.edi", "850 850"),
                Map.entry("x12/nodex12_855.edi", "855"),
                Map.entry("x12/nodex12_856.edi", "856"),
                Map.entry("x12/staedi_855_multi_tx.edi", "855 855"),
                Map.entry("x12/staedi_invoice810_po850_dual.edi", "810 810 850"),
                Map.entry("x12/staedi_simple810.edi", "810 810"),
                Map.entry("x12/stedi_850_5010_dropship.edi", "850"),
                Map.entry("x12/stedi_855_5010_inbound.edi", "855"),
                Map.entry("edifact/staedi_invoic_d97b.edi", "INVOIC"),
                Map.entry("edifact/staedi_invoic_d97b_bad.edi", "INVOIC"),
                Map.entry("edifact/staedi_invoic_d97b_una.edi", "INVOIC"));
        types.forEach((file, expected) -> {
            EdiMessage message = parser.parse(sample(file));
            assertThat(message.problems()).as(file).isEmpty();
            assertThat(String.join(
                            " ",
                            message.transactions().stream()
                                    .map(EdiMessage.Transaction::type)
                                    .toList()))
                    .as(file)
                    .isEqualTo(expected);
        });
    }

    @Test
    void anOrderOfVersion003010InsideA00401EnvelopeIsReadWithItsLines() {
        EdiMessage message = parser.parse(sample("x12/staedi_invoice810_po850_dual.edi"));
        EdiMessage.Transaction order = message.transactions().get(2);
        assertThat(order.version()).isEqualTo("003010");
        PurchaseOrder po = reader.read(order, 3);
        assertThat(po.number()).isNotBlank();
        assertThat(po.lines()).hasSize(4);
    }

    @Test
    void newlineTerminatedSegmentsAreReadToTheEnd() {
        PurchaseOrder po = reader.read(
                parser.parse(sample("x12/nodex12_850_2.edi")).transactions().get(0), 1);
        assertThat(po.number()).isEqualTo("08292233294");
        assertThat(po.shipTo().city()).isEqualTo("SOLON");
        assertThat(po.lines()).hasSize(6);
        assertThat(po.lines().get(0).codes()).contains(new PurchaseOrder.ItemCode("VN", "AB3542"));
    }

    @Test
    void aFileWithAWrongSegmentCountNamesTheSegmentAndElement() {
        EdiMessage message = parser.parse(sample("edifact/staedi_orders-with-group_D96B_EAN008.edi"));
        assertThat(message.problems())
                .anySatisfy(p -> assertThat(p.toString())
                        .isEqualTo("UNT (segment 18) element 1: Control count does not match actual count (21)"));
    }

    @Test
    void x12InUnusualLegalDelimitersCrlfAndTrailingWhitespaceReadsAsThePlainFile() {
        List<String> body = EdiFiles.po850("PO-9", "20991231", "VN SKU-1 3", "BP B-7 2");
        PurchaseOrder plain = read(EdiFiles.x12(EdiFiles.X12Style.PLAIN, "S1", "000000001", List.of(body)));
        for (EdiFiles.X12Style style : List.of(
                new EdiFiles.X12Style('|', '^', "~", ""),
                new EdiFiles.X12Style('^', ':', "'", "\r\n"),
                new EdiFiles.X12Style('*', '>', "\n", ""),
                new EdiFiles.X12Style('*', '>', "~", "\r\n"),
                new EdiFiles.X12Style('!', '\\', "`", "\n"))) {
            String file = EdiFiles.x12(style, "S1", "000000001", List.of(body)) + "  \r\n\t ";
            assertThat(read(file)).as(style.toString()).isEqualTo(plain);
        }
    }

    @Test
    void edifactWithAnyServiceStringAndEscapedDelimitersReadsTheSame() {
        for (String una : List.of(":+.? '", "^*,\\ ~", ":+.?*'")) {
            String file = EdiFiles.orders(
                    una, "4012345000009", "42", "PO-7", "A?B+C:D'E", "SA SKU-1 4", "EN 4006381333931 1");
            EdiMessage message = parser.parse(file + "\r\n");
            assertThat(message.problems()).as(una).isEmpty();
            PurchaseOrder po = reader.read(message.transactions().get(0), 1);
            assertThat(po.shipTo().name()).as(una).isEqualTo("A?B+C:D'E");
            assertThat(po.lines().get(1).codes()).containsExactly(new PurchaseOrder.ItemCode("EN", "4006381333931"));
            assertThat(po.requestedDate()).hasToString("2099-12-31");
        }
    }

    @Test
    void whatOrdoWritesBackPassesStaedisEnvelopeValidation() {
        AcknowledgementRenderer.OurId our = new AcknowledgementRenderer.OurId("ZZ", "ORDO");
        long[] control = {1};
        AcknowledgementRenderer acks = new AcknowledgementRenderer(our, () -> control[0]++);
        OrderResponseRenderer responses = new OrderResponseRenderer(our, () -> control[0]++);
        for (String file : List.of(
                sample("x12/staedi_invoice810_po850_dual.edi"),
                EdiFiles.orders(":+.? '", "4012345000009", "42", "PO-7", "Lager", "SA SKU-1 4", "BP X 1"))) {
            EdiMessage message = parser.parse(file);
            List<AcknowledgementRenderer.Verdict> verdicts = message.transactions().stream()
                    .map(t -> new AcknowledgementRenderer.Verdict(t, reader.isOrder(t), reader.isOrder(t), List.of()))
                    .toList();
            String ack = acks.acknowledge(message, verdicts, List.of());
            EdiMessage.Transaction order = message.transactions().stream()
                    .filter(reader::isOrder)
                    .findFirst()
                    .orElseThrow();
            PurchaseOrder po = reader.read(order, 1);
            List<OrderResponseRenderer.LineOutcome> lines = po.lines().stream()
                    .map(l -> new OrderResponseRenderer.LineOutcome(l, "SKU-1", 2, 1, "BACKORDERED", null))
                    .toList();
            String response = responses.respond(message, po, true, lines);
            for (String written : List.of(ack, response)) {
                EdiMessage reread = parser.parse(written);
                assertThat(reread.problems()).as(written).isEmpty();
                assertThat(reread.transactions()).as(written).isNotEmpty();
            }
        }
    }

    private PurchaseOrder read(String file) {
        EdiMessage message = parser.parse(file);
        assertThat(message.problems()).as(file).isEmpty();
        return reader.read(message.transactions().get(0), 1);
    }
}
