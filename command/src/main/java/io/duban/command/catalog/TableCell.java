package io.duban.command.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the appendix table as it came out of the word processor: the line that opened it and the lines that
 * wrapped onto the following lines.
 */
final class TableCell {

    private final List<String> lines = new ArrayList<>();

    TableCell(String firstLine) {
        lines.add(firstLine);
    }

    void continueWith(String line) {
        lines.add(line);
    }

    /** The content with the layout whitespace removed, see {@link ChineseWhitespace#collapse}. */
    String text() {
        return ChineseWhitespace.collapse(String.join("\n", lines));
    }

    /** The content with every whitespace character removed, for cells that hold names rather than prose. */
    String compact() {
        return ChineseWhitespace.removeAll(String.join("", lines));
    }

    boolean isEmpty() {
        return compact().isEmpty();
    }
}
