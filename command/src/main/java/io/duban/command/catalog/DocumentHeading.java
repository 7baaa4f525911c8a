package io.duban.command.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document number (发文字号, e.g. 内政发〔2023〕1号), its year, and the title printed above it.
 *
 * @param number    the document number with its year in 〔〕
 * @param year      the year in the number
 * @param title     the title, its lines joined
 * @param lineIndex the line the number stands on; the body starts after it
 */
record DocumentHeading(String number, int year, String title, int lineIndex) {

    /**
     * A number stands on its own line (a number inside a sentence cites another document). Converters often turn the
     * hexagonal brackets 〔〕 that GB/T 9704 prescribes into [] or 【】, so any of these is read as 〔〕.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(\\p{IsHan}{1,20})[〔\\[［【(（]([0-9]{4})[〕\\]］】)）]第?([0-9]{1,6})号");

    static DocumentHeading read(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = NUMBER.matcher(ChineseWhitespace.removeAll(lines.get(i)));
            if (m.matches()) {
                String number = m.group(1) + "〔" + m.group(2) + "〕" + Integer.parseInt(m.group(3)) + "号";
                return new DocumentHeading(number, Integer.parseInt(m.group(2)), titleAbove(lines, i), i);
            }
        }
        throw UnparseablePolicy.because("未找到文号（应单独成行，形如“内政发〔2023〕1号”）");
    }

    /** The title is the paragraph right above the number; anything higher up (e.g. a 文件 masthead) is not part of it. */
    private static String titleAbove(List<String> lines, int numberLine) {
        int i = numberLine - 1;
        while (i >= 0 && PolicyText.isBlank(lines.get(i))) {
            i--;
        }
        Deque<String> titleLines = new ArrayDeque<>();
        while (i >= 0 && !PolicyText.isBlank(lines.get(i))) {
            titleLines.addFirst(lines.get(i));
            i--;
        }
        String title = ChineseWhitespace.collapse(String.join("\n", titleLines));
        if (title.isEmpty()) {
            throw UnparseablePolicy.because("未找到文件标题（应位于文号之前）");
        }
        return title;
    }
}
