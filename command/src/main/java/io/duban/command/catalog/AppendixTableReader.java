package io.duban.command.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the appendix table 重点支持事项清单 from the text a word processor makes of it. There the table has no borders
 * left: each cell starts on a new line indented by a tab, a cell too long for its column wraps onto lines that are
 * not indented, and blank lines separate the rows. A cell may even open with an empty indented line and carry its
 * content on the next, unindented one (item 55 of 内政发〔2023〕1号). Cells within one line are separated by tabs.
 * When no line of the table is indented, each line is taken as a cell of its own.
 */
final class AppendixTableReader {

    static final String TITLE = "重点支持事项清单";
    private static final Pattern TITLE_LINE = Pattern.compile("(附件[0-9]*[:：]?)?" + TITLE);
    private static final String HEADER = "序号支持事项责任单位";
    private static final Pattern NOTE_LINE = Pattern.compile("(说明|注|备注)[:：].*");
    /**
     * Real lists have tens of rows. The bound keeps a crafted upload from making the article linking (rows × articles)
     * expensive.
     */
    static final int MAX_ROWS = 1000;

    private AppendixTableReader() {
    }

    /** Reads the table whose title stands on a line at or after {@code from}. */
    static AppendixTable read(List<String> lines, int from) {
        int title = titleLine(lines, from);
        int noteStart = noteLine(lines, title + 1);
        List<TableCell> cells = cells(lines.subList(title + 1, noteStart));
        int firstRowCell = skipHeader(cells);
        List<TableRow> rows = rows(cells.subList(firstRowCell, cells.size()));
        String note = ChineseWhitespace.removeAll(String.join("", lines.subList(noteStart, lines.size())));
        return new AppendixTable(title, rows, note);
    }

    private static int titleLine(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (TITLE_LINE.matcher(ChineseWhitespace.removeAll(lines.get(i))).matches()) {
                return i;
            }
        }
        throw UnparseablePolicy.because("未找到附件表格“" + TITLE + "”");
    }

    private static int noteLine(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (NOTE_LINE.matcher(ChineseWhitespace.removeAll(lines.get(i))).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    private static List<TableCell> cells(List<String> lines) {
        boolean indentedLayout = lines.stream().anyMatch(l -> isIndented(l) && !PolicyText.isBlank(l));
        List<TableCell> cells = new ArrayList<>();
        TableCell current = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (!indentedLayout && PolicyText.isBlank(line)) {
                continue;
            }
            String[] parts = line.strip().split("\t");
            boolean opensCell = !indentedLayout || isIndented(line) || current == null;
            if (opensCell) {
                current = new TableCell(parts[0]);
                cells.add(current);
            } else {
                current.continueWith(parts[0]);
            }
            for (int p = 1; p < parts.length; p++) {
                current = new TableCell(parts[p]);
                cells.add(current);
            }
        }
        return cells.stream().filter(c -> !c.isEmpty()).toList();
    }

    private static boolean isIndented(String line) {
        return !line.isEmpty() && ChineseWhitespace.isSpace(line.charAt(0));
    }

    /** The header's words are often spaced out (支  持  事  项) or split differently, so only its letters are compared. */
    private static int skipHeader(List<TableCell> cells) {
        StringBuilder header = new StringBuilder();
        int i = 0;
        while (header.length() < HEADER.length() && i < cells.size()) {
            header.append(cells.get(i).compact());
            i++;
            if (!HEADER.startsWith(header.toString())) {
                break;
            }
        }
        if (!HEADER.contentEquals(header)) {
            throw UnparseablePolicy.because("附件表格“" + TITLE + "”缺少表头“序号 / 支持事项 / 责任单位”");
        }
        return i;
    }

    private static List<TableRow> rows(List<TableCell> cells) {
        List<TableRow> rows = new ArrayList<>();
        int i = 0;
        while (i < cells.size()) {
            Integer number = rowNumber(cells.get(i));
            if (number == null) {
                // only the first cell can get here: every later row starts where the previous one met a number
                throw UnparseablePolicy.because(
                        "附件表格“" + TITLE + "”表头之后应为第1项，实际为“" + excerpt(cells.get(i)) + "”");
            }
            checkSequence(rows, number);
            if (number > MAX_ROWS) {
                throw UnparseablePolicy.because("附件表格超过" + MAX_ROWS + "项，不是一份重点支持事项清单");
            }
            int end = i + 1;
            while (end < cells.size() && rowNumber(cells.get(end)) == null) {
                end++;
            }
            rows.add(row(number, cells.subList(i + 1, end)));
            i = end;
        }
        if (rows.isEmpty()) {
            throw UnparseablePolicy.because("附件表格“" + TITLE + "”中没有任何事项");
        }
        return rows;
    }

    private static void checkSequence(List<TableRow> rows, int number) {
        if (rows.isEmpty()) {
            if (number != 1) {
                throw UnparseablePolicy.because("序号应从1开始，附件表格的第一项是第" + number + "项");
            }
            return;
        }
        int previous = rows.get(rows.size() - 1).number();
        if (number == previous) {
            throw UnparseablePolicy.because("序号重复：第" + number + "项出现了两次");
        }
        if (number != previous + 1) {
            throw UnparseablePolicy.because("序号不连续：第" + previous + "项之后是第" + number + "项");
        }
    }

    private static TableRow row(int number, List<TableCell> cells) {
        if (cells.isEmpty()) {
            throw UnparseablePolicy.because("第" + number + "项缺少支持事项和责任单位");
        }
        if (cells.size() == 1) {
            throw UnparseablePolicy.because("第" + number + "项缺少责任单位");
        }
        if (cells.size() > 2) {
            throw UnparseablePolicy.because("第" + number + "项有" + cells.size() + "栏内容，应只有“支持事项”和“责任单位”两栏");
        }
        return new TableRow(number, cells.get(0), cells.get(1));
    }

    /** A 序号 cell holds nothing but a number; four digits are more rows than any such list has. */
    private static Integer rowNumber(TableCell cell) {
        String content = cell.compact();
        if (content.isEmpty() || content.length() > 4) {
            return null;
        }
        int number = 0;
        for (int i = 0; i < content.length(); i++) {
            int digit = Character.digit(content.charAt(i), 10);
            if (digit < 0) {
                return null;
            }
            number = number * 10 + digit;
        }
        return number;
    }

    private static String excerpt(TableCell cell) {
        String text = cell.text();
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
