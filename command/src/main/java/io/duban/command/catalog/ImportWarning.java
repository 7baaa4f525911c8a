package io.duban.command.catalog;

/**
 * Something the office should look at before confirming an import; never a reason to refuse the document.
 *
 * @param itemNumber the row it is about
 * @param code       stable: {@code unit.unknown}, {@code article.uncertain}, {@code article.undetermined},
 *                   {@code target.unreadable}
 * @param message    what to check, in Chinese
 */
public record ImportWarning(int itemNumber, String code, String message) {
}
