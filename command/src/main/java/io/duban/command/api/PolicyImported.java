package io.duban.command.api;

import java.util.List;

/**
 * A policy document was imported and its appendix parsed.
 *
 * @param documentNumber   e.g. 内政发〔2023〕1号
 * @param title            the document title
 * @param year             the year of the document number
 * @param sourceSha256     SHA-256 of the imported text, to prove which text the items came from
 * @param items            the appendix rows
 * @param coResponsibleUnits units responsible for every item by the note under the table
 */
public record PolicyImported(String policyId, String documentNumber, String title, int year, String sourceSha256,
                             List<SupportItem> items, List<ResponsibleUnit> coResponsibleUnits, Actor actor) {
}
