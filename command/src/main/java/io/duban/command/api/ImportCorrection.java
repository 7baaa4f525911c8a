package io.duban.command.api;

/**
 * A correction the office made to what the parser read, before confirming an import. Recorded with the import as
 * such, so the audit trail tells what the document said from what the office decided.
 *
 * @param itemNumber the appendix row it applies to
 * @param kind       a unit name or an article
 * @param from       for a unit: the name the parser gave it; for an article: the parsed article (filled in by the
 *                   import, e.g. （三） or 出处未定)
 * @param to         the office's choice: a unit name (any spelling the unit list knows) or an article such as （三）
 */
public record ImportCorrection(int itemNumber, CorrectionKind kind, String from, String to) {
}
