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
