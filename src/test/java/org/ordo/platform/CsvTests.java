package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An export opened in a spreadsheet shows what was typed and never runs it as a formula. */
class CsvTests {

    @Test
    void aTextThatASpreadsheetWouldRunAsAFormulaIsQuoted() {
        String csv = Csv.of(
                List.of("name"),
                List.<List<Object>>of(
                        List.of("=HYPERLINK(\"x\")"),
                        List.of("\t=1+1"),
                        List.of("\r@SUM(A1)"),
                        List.of("-2+3"),
                        List.of("Müller GmbH")));
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "name", "\"'=HYPERLINK(\"\"x\"\")\"", "'\t=1+1", "\"'\r@SUM(A1)\"", "'-2+3", "Müller GmbH");
    }

    @Test
    void numbersStayNumbers() {
        assertThat(Csv.of(List.of("amount"), List.<List<Object>>of(List.of(new BigDecimal("-12.50")))))
                .isEqualTo("amount\r\n-12.50\r\n");
    }
}
