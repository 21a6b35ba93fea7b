package org.ordo.edi.internal;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes segments with StAEDI's writer, which escapes data and checks the envelope against StAEDI's control schema as
 * it goes; a segment the schema refuses is a bug and throws. An element is a String, or a List of its components.
 */
final class EdiWriter {

    private EdiWriter() {}

    static String write(String standard, String controlVersion, List<List<Object>> segments) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        if (EDIStreamConstants.Standards.X12.equals(standard)) {
            factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, '~');
            factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
            factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, '>');
        }
        List<String> refused = new ArrayList<>();
        factory.setErrorReporter((error, writer, location, data, reference) ->
                refused.add(location.getSegmentTag() + " element " + location.getElementPosition() + ": " + error));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.UTF_8.name())) {
            writer.setControlSchema(SchemaFactory.newFactory().getControlSchema(standard, controlVersion.split(",")));
            writer.startInterchange();
            for (List<Object> segment : segments) {
                segment(writer, segment);
            }
            writer.endInterchange();
        } catch (EDIStreamException | EDISchemaException e) {
            throw new IllegalStateException("Cannot write " + standard + ": " + e.getMessage(), e);
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("StAEDI's schema refuses what Ordo writes: " + refused);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void segment(EDIStreamWriter writer, List<Object> segment) throws EDIStreamException {
        writer.writeStartSegment((String) segment.get(0));
        for (int i = 1; i < segment.size(); i++) {
            Object element = segment.get(i);
            if (element instanceof List<?> components) {
                writer.writeStartElement();
                for (Object component : components) {
                    String text = component == null ? "" : component.toString();
                    if (text.isEmpty()) {
                        writer.writeEmptyComponent();
                    } else {
                        writer.writeComponent(text);
                    }
                }
                writer.endElement();
            } else if (element == null || element.toString().isEmpty()) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement(element.toString());
            }
        }
        writer.writeEndSegment();
    }
}
