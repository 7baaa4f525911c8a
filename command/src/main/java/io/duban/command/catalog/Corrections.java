package io.duban.command.catalog;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CorrectionKind;
import io.duban.command.api.ImportCorrection;
import io.duban.command.api.SupportItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the office's corrections to the items read from a document. A correction that names no item, no unit of
 * its item or no article of the body is refused as a whole, so what the office confirmed is exactly what is recorded.
 */
final class Corrections {

    /** Far more than a document of {@link AppendixTableReader#MAX_ROWS} rows needs; keeps a request small. */
    static final int MAX_CORRECTIONS = 2 * AppendixTableReader.MAX_ROWS;

    private final UnitNameNormalizer unitNames;
    private final ArticleLinker linker;

    Corrections(UnitNameNormalizer unitNames, ArticleLinker linker) {
        this.unitNames = unitNames;
        this.linker = linker;
    }

    record Applied(List<DraftItem> items, List<ImportCorrection> corrections) {
    }

    Applied apply(List<DraftItem> parsed, List<ImportCorrection> requested) {
        if (requested.size() > MAX_CORRECTIONS) {
            throw refused("policy.correction-too-many", "更正过多：一次最多" + MAX_CORRECTIONS + "条。");
        }
        List<DraftItem> items = new ArrayList<>(parsed);
        List<ImportCorrection> recorded = new ArrayList<>();
        for (ImportCorrection correction : requested) {
            int index = indexOf(items, correction);
            DraftItem item = items.get(index);
            if (correction.kind() == null) {
                throw refused("policy.correction-invalid", "第" + item.number() + "项的更正缺少类型（UNIT 或 ARTICLE）。");
            }
            String to = correction.to() == null ? "" : KnownUnits.spelling(correction.to());
            if (to.isEmpty()) {
                throw refused("policy.correction-invalid", "第" + item.number() + "项的更正缺少更正后的内容（to）。");
            }
            if (correction.kind() == CorrectionKind.UNIT) {
                items.set(index, unit(item, correction.from(), to, recorded));
            } else {
                items.set(index, article(item, to, recorded));
            }
        }
        return new Applied(items, recorded);
    }

    private static int indexOf(List<DraftItem> items, ImportCorrection correction) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).number() == correction.itemNumber()) {
                return i;
            }
        }
        throw refused("policy.correction-unknown-item", "更正中的第" + correction.itemNumber() + "项不存在：本文件共"
                + items.size() + "项。");
    }

    private DraftItem unit(DraftItem item, String from, String to, List<ImportCorrection> recorded) {
        String wrong = from == null ? "" : KnownUnits.spelling(from);
        int position = -1;
        for (int i = 0; i < item.units().size(); i++) {
            DraftUnit unit = item.units().get(i);
            if (!wrong.isEmpty() && (unit.name().equals(wrong) || unit.writtenAs().equals(wrong))) {
                position = i;
                break;
            }
        }
        if (position < 0) {
            throw refused("policy.correction-unknown-unit", "第" + item.number() + "项没有责任单位“" + wrong
                    + "”，无法更正；该项的责任单位是：" + String.join("、", item.units().stream().map(DraftUnit::name).toList())
                    + "。");
        }
        DraftUnit replaced = item.units().get(position);
        DraftUnit right = DraftUnit.of(unitNames.resolve(to, false, false), replaced.coResponsible());
        List<DraftUnit> units = new ArrayList<>(item.units());
        if (units.stream().anyMatch(u -> u.unitId().equals(right.unitId()) && u != replaced)) {
            units.remove(position);
        } else {
            units.set(position, right);
        }
        recorded.add(new ImportCorrection(item.number(), CorrectionKind.UNIT, replaced.name(), right.name()));
        return item.withUnits(units);
    }

    private DraftItem article(DraftItem item, String to, List<ImportCorrection> recorded) {
        String was = item.article() == null ? SupportItem.UNDETERMINED : item.article();
        DraftItem corrected;
        if (to.equals(SupportItem.UNDETERMINED)) {
            corrected = item.withArticle(null, SupportItem.UNDETERMINED, null);
        } else {
            Article article = linker.article(to).orElseThrow(() -> refused("policy.correction-unknown-article",
                    "第" + item.number() + "项的更正：正文中没有条目“" + to + "”，请写作（三）这样的条目编号，或写“出处未定”。"));
            corrected = item.withArticle(article.numeral(), article.title(), 1.0);
        }
        recorded.add(new ImportCorrection(item.number(), CorrectionKind.ARTICLE, was,
                corrected.article() == null ? SupportItem.UNDETERMINED : corrected.article()));
        return corrected;
    }

    private static CommandRefusedException refused(String code, String message) {
        return CommandRefusedException.invalid(code, message);
    }
}
