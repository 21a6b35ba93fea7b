package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The validator the e-invoice tests rely on: it passes the official examples and catches their broken copies. */
class En16931ValidatorTests {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = En16931ValidatorTests.class.getResourceAsStream("/einvoice/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ubl-tc434-example1.xml",
                "ubl-tc434-example2.xml",
                "ubl-tc434-example9.xml",
                "ubl-tc434-creditnote1.xml"
            })
    void officialExamplesConform(String file) throws IOException {
        assertThat(En16931.errors(resource(file))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "ubl-tc434-example1_BROKEN_total-with-vat.xml, BR-CO-15",
        "ubl-tc434-example1_BROKEN_line-amount.xml, BR-CO-10"
    })
    void brokenExamplesFailWithTheirRule(String file, String rule) throws IOException {
        assertThat(En16931.errors(resource(file)))
                .extracting(En16931.Failure::rule)
                .contains(rule);
    }

    @Test
    void aDocumentThatBreaksTheSchemaFails() throws IOException {
        assertThat(En16931.errors(resource("ubl-tc434-example1_BROKEN_xsd-date-and-typecode.xml")))
                .isNotEmpty();
    }
}
