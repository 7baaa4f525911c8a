package io.duban.command.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The warnings of a draft, computed from what it would record (so a correction that settles one removes it). */
final class ImportWarnings {

    private ImportWarnings() {
    }

    static List<ImportWarning> of(List<DraftItem> items) {
        List<ImportWarning> warnings = new ArrayList<>();
        for (DraftItem item : items) {
            int n = item.number();
            for (DraftUnit unit : item.units()) {
                if (!unit.known()) {
                    String spelled = unit.writtenAs().equals(unit.name()) ? "" : "（原文“" + unit.writtenAs() + "”）";
                    warnings.add(new ImportWarning(n, "unit.unknown", "第" + n + "项的责任单位“" + unit.name() + "”"
                            + spelled + "不在单位名录中，确认后将作为新单位导入；如是已有单位的另一种写法，请更正单位名称。"));
                }
            }
            if (item.article() == null) {
                String guess = item.bestGuess() == null ? ""
                        : "（最接近的是" + item.bestGuess() + "，仅" + percent(item.bestGuessScore()) + "的文字相符）";
                warnings.add(new ImportWarning(n, "article.undetermined", "第" + n + "项的支持事项在正文各条目中找不到出处"
                        + guess + "，将标为“出处未定”；如知道出处，请更正条目。"));
            } else if (item.articleConfidence() != null && item.articleConfidence() < ArticleLinker.MIN_CONTAINMENT) {
                warnings.add(new ImportWarning(n, "article.uncertain", "第" + n + "项的出处定为" + item.article()
                        + item.articleTitle() + "，但只有" + percent(item.articleConfidence()) + "的文字相符，请核对。"));
            }
            for (String phrase : item.unreadTargets()) {
                warnings.add(new ImportWarning(n, "target.unreadable", "第" + n + "项的“" + phrase
                        + "”像是一项时限或年度目标，但未能读出，不会生成里程碑；请在登记承诺时写明。"));
            }
        }
        return List.copyOf(warnings);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%d%%", Math.round(share * 100));
    }
}
