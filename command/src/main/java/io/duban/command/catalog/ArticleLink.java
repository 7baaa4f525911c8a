package io.duban.command.catalog;

/**
 * Where an appendix row was found in the body.
 *
 * @param best       the article containing most of the row's wording; null only when the body has no article
 * @param confidence the share of the row's wording found in {@code best}, 0–1
 * @param linked     whether {@code best} is taken as the row's article; when false the row is 出处未定
 */
record ArticleLink(Article best, double confidence, boolean linked) {

    /** Linked, but with less than the usual share of the wording: the preview asks the office to check it. */
    boolean uncertain() {
        return linked && confidence < ArticleLinker.MIN_CONTAINMENT;
    }
}
