package io.duban.command.web;

import io.duban.command.api.ImportCorrection;
import io.duban.command.catalog.DraftItem;
import io.duban.command.catalog.DraftUnit;
import io.duban.command.catalog.ImportWarning;
import io.duban.command.catalog.PolicyDraft;

import java.util.List;

/**
 * What confirming the import would record, and what to check first; nothing is recorded by a preview.
 *
 * @param policyId    the id the document would be imported under
 * @param sha256      the text's SHA-256: quote it in the confirm to import exactly this text
 * @param units       every distinct unit of the items, each marked known (in the unit list) or new
 * @param newUnits    how many of them are new
 * @param corrections the corrections applied to this preview
 * @param warnings    unknown units, uncertain or missing articles, unreadable targets
 */
public record PolicyPreview(String policyId, String sha256, String documentNumber, String title, int year,
                            int itemCount, List<DraftItem> items, List<DraftUnit> coResponsibleUnits,
                            List<DraftUnit> units, long newUnits, List<ImportCorrection> corrections,
                            List<ImportWarning> warnings) {

    static PolicyPreview of(String policyId, PolicyDraft draft) {
        List<DraftUnit> units = draft.units();
        return new PolicyPreview(policyId, draft.sourceSha256(), draft.documentNumber(), draft.title(), draft.year(),
                draft.items().size(), draft.items(), draft.coResponsibleUnits(), units,
                units.stream().filter(u -> !u.known()).count(), draft.corrections(), draft.warnings());
    }
}
