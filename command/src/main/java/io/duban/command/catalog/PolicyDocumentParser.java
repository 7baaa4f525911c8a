package io.duban.command.catalog;

import io.duban.command.api.ImportCorrection;
import io.duban.command.api.SupportItem;
import io.duban.command.api.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a policy document of the 意见 kind: its number, title, articles and the appendix table
 * 重点支持事项清单 (序号 / 支持事项 / 责任单位). Unit names are made canonical with the unit list; a row whose source is
 * not found in the body is still read, 出处未定, with a warning.
 *
 * <p>Stateless and thread-safe: one instance may serve every import.
 */
public class PolicyDocumentParser {

    /** A bare 附件 (or 附件1：) line announces the appendix; it is not part of the last article. */
    private static final Pattern APPENDIX_MARK = Pattern.compile("附件[0-9]*[:：]?");

    private final UnitNameNormalizer unitNames;
    private final CoResponsibleNote coResponsibleNote = new CoResponsibleNote();
    private final TargetExtractor targetExtractor = new TargetExtractor();

    /** With the bundled unit list alone. */
    public PolicyDocumentParser() {
        this(KnownUnits.bundled());
    }

    public PolicyDocumentParser(KnownUnits knownUnits) {
        this.unitNames = new UnitNameNormalizer(knownUnits);
    }

    /**
     * @throws io.duban.command.api.CommandRefusedException (INVALID_INPUT, code {@code policy.unparseable}) when the
     *                                                      text is not such a document; never any other exception
     */
    public ParsedPolicy parse(String text) {
        return read(text, List.of()).parsedPolicy();
    }

    /**
     * Reads the document and applies the office's corrections.
     *
     * @throws io.duban.command.api.CommandRefusedException (INVALID_INPUT) when the text is not such a document
     *                                                      ({@code policy.unparseable}) or a correction does not fit
     *                                                      it ({@code policy.correction-…})
     */
    public PolicyDraft read(String text, List<ImportCorrection> corrections) {
        List<String> lines = PolicyText.of(text).lines();
        DocumentHeading heading = DocumentHeading.read(lines);
        AppendixTable table = AppendixTableReader.read(lines, heading.lineIndex() + 1);
        ArticleLinker linker = new ArticleLinker(
                ArticleIndex.read(lines, heading.lineIndex() + 1, bodyEnd(lines, table.titleLineIndex())));
        List<DraftUnit> coResponsible = coResponsibleNote.unitName(table.note())
                .map(name -> DraftUnit.of(unitNames.resolve(KnownUnits.spelling(name), false, false), true))
                .stream().toList();

        List<DraftItem> items = new ArrayList<>();
        for (TableRow row : table.rows()) {
            items.add(item(row, linker, coResponsible, heading.year()));
        }
        Corrections.Applied corrected = new Corrections(unitNames, linker).apply(items, corrections);
        return new PolicyDraft(heading.number(), heading.title(), heading.year(), SourceDigest.sha256(text),
                corrected.items(), coResponsible, corrected.corrections(), ImportWarnings.of(corrected.items()));
    }

    private DraftItem item(TableRow row, ArticleLinker linker, List<DraftUnit> coResponsible, int year) {
        String text = row.item().text();
        List<UnitName> own = unitNames.units(row.units().compact());
        if (own.isEmpty()) {
            throw UnparseablePolicy.because("第" + row.number() + "项缺少责任单位");
        }
        List<DraftUnit> units = new ArrayList<>();
        own.forEach(name -> units.add(DraftUnit.of(name, false)));
        for (DraftUnit unit : coResponsible) {
            // a row that lists the unit itself keeps it once, as its own
            if (units.stream().noneMatch(u -> u.unitId().equals(unit.unitId()))) {
                units.add(unit);
            }
        }
        List<Target> targets = targetExtractor.targets(text, year);
        List<String> unread = targetExtractor.unreadPhrases(text, targets);
        ArticleLink link = linker.link(text);
        if (link.linked()) {
            return new DraftItem(row.number(), text, units, link.best().numeral(), link.best().title(),
                    link.confidence(), null, 0, targets, unread);
        }
        return new DraftItem(row.number(), text, units, null, SupportItem.UNDETERMINED, null,
                link.best() == null ? null : link.best().numeral(), link.confidence(), targets, unread);
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
