package io.duban.command.web;

import io.duban.command.api.ImportCorrection;

import java.util.List;

/**
 * The body of a confirm (or of a preview with corrections).
 *
 * @param text        the document, exactly as previewed
 * @param sha256      optional: the {@code sha256} of the preview; when given, a different text is refused
 * @param corrections the office's corrections, e.g. {@code {"itemNumber":3,"kind":"UNIT","from":"…","to":"…"}} or
 *                    {@code {"itemNumber":8,"kind":"ARTICLE","to":"（五）"}}
 */
public record PolicyConfirmation(String text, String sha256, List<ImportCorrection> corrections) {

    public PolicyConfirmation {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }
}
