package io.duban.command.catalog;

import io.duban.command.api.ImportCorrection;
import io.duban.command.api.ResponsibleUnit;

import java.util.List;

/**
 * What an import of a document would record, with the office's corrections applied, and what the office should check
 * first. The preview shows it; the confirmed import records it.
 *
 * @param documentNumber     e.g. 内政发〔2023〕1号
 * @param title              the document's title
 * @param year               the year in the document number
 * @param sourceSha256       SHA-256 of the text; a confirm may quote it to import exactly the previewed text
 * @param items              the appendix rows
 * @param coResponsibleUnits units the note under the table makes responsible for every item
 * @param corrections        the corrections applied, each with what the parser had read
 * @param warnings           what to check: unknown units, uncertain or missing articles, unreadable targets
 */
public record PolicyDraft(String documentNumber, String title, int year, String sourceSha256, List<DraftItem> items,
                          List<DraftUnit> coResponsibleUnits, List<ImportCorrection> corrections,
                          List<ImportWarning> warnings) {

    public PolicyDraft {
        items = List.copyOf(items);
        coResponsibleUnits = List.copyOf(coResponsibleUnits);
        corrections = List.copyOf(corrections);
        warnings = List.copyOf(warnings);
    }

    public ParsedPolicy parsedPolicy() {
        return new ParsedPolicy(documentNumber, title, year, items.stream().map(DraftItem::supportItem).toList(),
                coResponsibleUnits.stream().map(DraftUnit::responsibleUnit).toList());
    }

    /** Every distinct unit of the items, in order of first appearance. */
    public List<DraftUnit> units() {
        return items.stream().flatMap(i -> i.units().stream())
                .collect(java.util.stream.Collectors.toMap(DraftUnit::unitId, u -> u, (a, b) -> a,
                        java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    List<ResponsibleUnit> responsibleUnits() {
        return coResponsibleUnits.stream().map(DraftUnit::responsibleUnit).toList();
    }
}
