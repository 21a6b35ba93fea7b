package org.ordo.intake.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a document as lines of cells: a cell is a run of words with no wider gap than a few spaces between them,
 * with its horizontal position, so that the columns of a table stay apart and can be told by where they stand.
 */
record DocumentText(List<Line> lines) {

    /** Positions in points for a PDF, and in characters times {@link #CHAR_WIDTH} for plain text. */
    record Cell(float x, float right, String text) {

        float centre() {
            return (x + right) / 2;
        }
    }

    record Line(List<Cell> cells) {

        String text() {
            return cells.stream().map(Cell::text).collect(Collectors.joining("  "));
        }
    }

    static final float CHAR_WIDTH = 6f;

    /** A gap wider than this many spaces separates cells. */
    private static final float CELL_GAP_IN_SPACES = 2.5f;

    boolean empty() {
        return lines.isEmpty();
    }

    /** The text as a person reads it: the cells of a line two spaces apart. */
    String text() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    /** @throws IOException when the bytes are no PDF a reader can open */
    static DocumentText ofPdf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            CellStripper stripper = new CellStripper();
            stripper.setSortByPosition(true);
            stripper.writeText(document, new StringWriter());
            stripper.endLine();
            return new DocumentText(List.copyOf(stripper.lines));
        }
    }

    /** Plain text: cells are separated by a tab or by two spaces or more. */
    static DocumentText ofPlainText(String text) {
        List<Line> lines = new ArrayList<>();
        for (String row : text.replace("\r", "").split("\n")) {
            List<Cell> cells = new ArrayList<>();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("[^\\t ]+(?: [^\\t ]+)*").matcher(row.replace("\t", "    "));
            while (m.find()) {
                cells.add(new Cell(m.start() * CHAR_WIDTH, m.end() * CHAR_WIDTH, m.group()));
            }
            if (!cells.isEmpty()) {
                lines.add(new Line(cells));
            }
        }
        return new DocumentText(List.copyOf(lines));
    }

    /** Collects the words PDFBox finds, line by line, and joins the words of a line that stand close together. */
    private static final class CellStripper extends PDFTextStripper {

        final List<Line> lines = new ArrayList<>();
        private final List<Cell> cells = new ArrayList<>();
        private float spaceWidth = 3f;

        CellStripper() throws IOException {
            super();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (text.isBlank() || positions.isEmpty()) {
                return;
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            float x = first.getXDirAdj();
            float right = last.getXDirAdj() + last.getWidthDirAdj();
            if (first.getWidthOfSpace() > 0 && !Float.isNaN(first.getWidthOfSpace())) {
                spaceWidth = first.getWidthOfSpace();
            }
            Cell previous = cells.isEmpty() ? null : cells.get(cells.size() - 1);
            if (previous != null && x - previous.right() < CELL_GAP_IN_SPACES * spaceWidth) {
                cells.set(cells.size() - 1, new Cell(previous.x(), right, previous.text() + " " + text.trim()));
            } else {
                cells.add(new Cell(x, right, text.trim()));
            }
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        void endLine() {
            if (!cells.isEmpty()) {
                lines.add(new Line(List.copyOf(cells)));
                cells.clear();
            }
        }
    }
}
