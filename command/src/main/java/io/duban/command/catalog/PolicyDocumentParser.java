package io.duban.command.catalog;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a policy document of the 意见 kind: its number, title, articles and the appendix table
 * 重点支持事项清单 (序号 / 支持事项 / 责任单位).
 *
 * <p>Stateless and thread-safe: one instance may serve every import.
 */
public class PolicyDocumentParser {

    /** A bare 附件 (or 附件1：) line announces the appendix; it is not part of the last article. */
    private static final Pattern APPENDIX_MARK = Pattern.compile("附件[0-9]*[:：]?");

    private final UnitNameNormalizer unitNames = new UnitNameNormalizer();
    private final CoResponsibleNote coResponsibleNote = new CoResponsibleNote();
    private final TargetExtractor targetExtractor = new TargetExtractor();

    /**
     * @throws io.duban.command.api.CommandRefusedException (INVALID_INPUT, code {@code policy.unparseable}) when the
     *                                                      text is not such a document; never any other exception
     */
    public ParsedPolicy parse(String text) {
        List<String> lines = PolicyText.of(text).lines();
        DocumentHeading heading = DocumentHeading.read(lines);
        AppendixTable table = AppendixTableReader.read(lines, heading.lineIndex() + 1);
        ArticleLinker linker = new ArticleLinker(
                ArticleIndex.read(lines, heading.lineIndex() + 1, bodyEnd(lines, table.titleLineIndex())));
        List<ResponsibleUnit> coResponsible = coResponsibleNote.unitName(table.note())
                .map(name -> ResponsibleUnit.of(name, true))
                .stream().toList();

        List<SupportItem> items = new ArrayList<>();
        for (TableRow row : table.rows()) {
            items.add(item(row, linker, coResponsible, heading.year()));
        }
        return new ParsedPolicy(heading.number(), heading.title(), heading.year(), items, coResponsible);
    }

    private SupportItem item(TableRow row, ArticleLinker linker, List<ResponsibleUnit> coResponsible, int year) {
        String text = row.item().text();
        List<String> ownNames = unitNames.canonicalNames(row.units().compact());
        if (ownNames.isEmpty()) {
            throw UnparseablePolicy.because("第" + row.number() + "项缺少责任单位");
        }
        List<ResponsibleUnit> units = new ArrayList<>();
        ownNames.forEach(name -> units.add(ResponsibleUnit.of(name, false)));
        for (ResponsibleUnit unit : coResponsible) {
            // a row that lists the unit itself keeps it once, as its own
            if (!ownNames.contains(unit.name())) {
                units.add(unit);
            }
        }
        Article article = linker.articleFor(row.number(), text);
        return new SupportItem(row.number(), text, article.numeral(), article.title(), units,
                targetExtractor.targets(text, year));
    }

    private static int bodyEnd(List<String> lines, int appendixTitleLine) {
        int end = appendixTitleLine;
        while (end > 0 && (PolicyText.isBlank(lines.get(end - 1))
                || APPENDIX_MARK.matcher(ChineseWhitespace.removeAll(lines.get(end - 1))).matches())) {
            end--;
        }
        return end;
    }
}
