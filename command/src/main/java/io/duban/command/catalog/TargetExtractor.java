package io.duban.command.catalog;

import io.duban.command.api.Target;
import io.duban.command.api.TargetKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the checkable targets out of an item's text: a year by which something must be built or done (确保2023年建成投用)
 * and a sum granted every year (每年补助呼和浩特市10亿元), possibly for a stated number of years (今后5年每年…30亿元).
 * A one-off sum (分别出资5亿元) or a figure that is not a date or money (5G, 5A级, 1小时交通圈) is not a target.
 *
 * <p>Every quantifier is bounded: the text comes from an uploaded document, and an unbounded lazy match over a long
 * cell would let one crafted line stall the parser.
 */
final class TargetExtractor {

    /** A year, an optional 底/前/内, a few words at most, then a verb of completion. */
    private static final Pattern DEADLINE = Pattern.compile(
            "(?:确保|力争|争取|务必|要求)?(?:在|于)?([12][0-9]{3})年(?:底|前|内|末|年底)?[^，,；;。0-9]{0,8}?"
                    + "(?:建成|投用|投产|完成|实现|竣工|落地)(?:投用|投产|通车|运营|运行|使用)?");

    /** Optionally 今后N年 or YYYY—YYYY年, then 每年, then within the same clause an amount of money. */
    private static final Pattern ANNUAL = Pattern.compile(
            "(?:今后([1-9][0-9]?)年|([12][0-9]{3})[年]?[-—–~至到]([12][0-9]{3})年)?"
                    + "每年[^，,；;。]{0,30}?([0-9]{1,9}(?:\\.[0-9]{1,4})?)(亿元|万元|元)");

    /** A mention that looks like a target: a year (2025年) or a recurring sum (每年). */
    private static final Pattern MENTION = Pattern.compile("[12][0-9]{3}年|每年");
    private static final String CLAUSE_END = "，,；;。：:";
    private static final int MAX_PHRASE = 40;

    /**
     * The clauses that mention a year or 每年 outside every target read from them (到2025年，数字经济规模达到1000亿元;
     * 每年安排专项资金): they probably state a target the patterns above cannot read, and the preview says so.
     */
    List<String> unreadPhrases(String text, List<Target> targets) {
        List<int[]> spans = new ArrayList<>();
        int from = 0;
        for (Target target : targets) {
            int at = text.indexOf(target.text(), from);
            if (at < 0) {
                at = text.indexOf(target.text());
            }
            if (at >= 0) {
                spans.add(new int[]{at, at + target.text().length()});
                from = at;
            }
        }
        List<String> phrases = new ArrayList<>();
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            int at = mention.start();
            if (spans.stream().anyMatch(s -> at >= s[0] && at < s[1])) {
                continue;
            }
            String phrase = clause(text, at);
            if (!phrases.contains(phrase)) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    private static String clause(String text, int at) {
        int start = at;
        while (start > 0 && CLAUSE_END.indexOf(text.charAt(start - 1)) < 0 && at - start < MAX_PHRASE / 2) {
            start--;
        }
        int end = at;
        while (end < text.length() && CLAUSE_END.indexOf(text.charAt(end)) < 0 && end - start < MAX_PHRASE) {
            end++;
        }
        return text.substring(start, end);
    }

    List<Target> targets(String text, int documentYear) {
        List<Target> targets = new ArrayList<>();
        Matcher deadline = DEADLINE.matcher(text);
        while (deadline.find()) {
            targets.add(new Target(TargetKind.DEADLINE, deadline.group(), Integer.parseInt(deadline.group(1)),
                    null, null, null, null));
        }
        Matcher annual = ANNUAL.matcher(text);
        while (annual.find()) {
            targets.add(annual(annual, documentYear));
        }
        return targets;
    }

    private static Target annual(Matcher m, int documentYear) {
        Integer firstYear = documentYear;
        Integer lastYear = null;
        if (m.group(1) != null) {
            // 今后N年 counts the year the document is issued in as the first of the N
            lastYear = documentYear + Integer.parseInt(m.group(1)) - 1;
        } else if (m.group(2) != null) {
            firstYear = Integer.parseInt(m.group(2));
            lastYear = Integer.parseInt(m.group(3));
        }
        return new Target(TargetKind.ANNUAL, m.group(), null, firstYear, lastYear, new BigDecimal(m.group(4)),
                m.group(5));
    }
}
