package io.duban.command.catalog;

import java.util.List;

/**
 * The appendix table 重点支持事项清单 and the note printed under it.
 *
 * @param titleLineIndex the line of the table's title; the body of the document ends before it
 * @param rows           the rows, numbered 1..n without gaps
 * @param note           the note under the table (说明：…), whitespace removed; empty when there is none
 */
record AppendixTable(int titleLineIndex, List<TableRow> rows, String note) {

    AppendixTable {
        rows = List.copyOf(rows);
    }
}
