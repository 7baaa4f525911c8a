package io.duban.command.api;

/** What the office corrected in the preview of an import. */
public enum CorrectionKind {
    /** a responsible unit's name: {@code from} the parsed name {@code to} the right one */
    UNIT,
    /** the article an item comes from: {@code from} the parsed article (or 出处未定) {@code to} the right one */
    ARTICLE
}
