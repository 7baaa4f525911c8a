package io.duban.command.api;

import java.util.List;

/**
 * A policy document was imported and its appendix parsed.
 *
 * @param documentNumber     e.g. 内政发〔2023〕1号
 * @param title              the document title
 * @param year               the year of the document number
 * @param sourceSha256       SHA-256 of the imported text, to prove which text the items came from
 * @param items              the appendix rows, with the office's corrections applied
 * @param coResponsibleUnits units responsible for every item by the note under the table
 * @param corrections        what the office corrected in the preview before confirming (empty for a direct import,
 *                           and for every import recorded before corrections existed)
 */
public record PolicyImported(String policyId, String documentNumber, String title, int year, String sourceSha256,
                             List<SupportItem> items, List<ResponsibleUnit> coResponsibleUnits, Actor actor,
                             List<ImportCorrection> corrections) {

    public PolicyImported {
        // events stored before the field existed deserialise with null
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** An import without corrections. */
    public PolicyImported(String policyId, String documentNumber, String title, int year, String sourceSha256,
                          List<SupportItem> items, List<ResponsibleUnit> coResponsibleUnits, Actor actor) {
        this(policyId, documentNumber, title, year, sourceSha256, items, coResponsibleUnits, actor, List.of());
    }
}
