package org.ordo.invoicing;

import com.helger.diagnostics.error.IError;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Validates UBL documents against the EN 16931 rules (XML schema, then the CEN schematron) with phive. */
public final class En16931 {

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY =
            new ValidationExecutorSetRegistry<>();

    static {
        EN16931Validation.initEN16931(REGISTRY);
    }

    /** One failure: the rule (e.g. BR-CO-15, or the schema) and its message. */
    public record Failure(String rule, String message) {}

    private En16931() {}

    /** The errors (not warnings) of a UBL Invoice or CreditNote; empty when it conforms. */
    public static List<Failure> errors(byte[] xml) {
        Document document = parse(xml);
        boolean creditNote = "CreditNote".equals(document.getDocumentElement().getLocalName());
        IValidationExecutorSet<IValidationSourceXML> rules = REGISTRY.getOfID(
                creditNote ? EN16931Validation.VID_UBL_CREDIT_NOTE_1316 : EN16931Validation.VID_UBL_INVOICE_1316);
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), rules, ValidationSourceXML.create("document.xml", document));
        List<Failure> failures = new ArrayList<>();
        for (IError error : results.getAllErrors()) {
            failures.add(new Failure(
                    error.getErrorID() == null ? "XSD" : error.getErrorID(),
                    error.getErrorText(java.util.Locale.ENGLISH)));
        }
        return failures;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML", e);
        }
    }
}
