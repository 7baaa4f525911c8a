package io.duban.bot.alert;

import io.duban.command.api.CommitmentId;
import io.duban.query.api.commitment.CommitmentView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commitment an alert is about, as far as the alert's wording needs it. Made from the read side's answer when it
 * has one; otherwise from the commitment id alone ({@link #fromId}), so an alert still goes out when the read side
 * lags: with the unit id for its name, milestone ids for their titles and without the progress lines.
 *
 * @param unitName        the unit's name, or its id when unknown
 * @param responsibleName null when unknown
 * @param progress        the progress every reader shows (100 once verified); null when unknown
 * @param milestoneTitles titles by milestone id
 */
public record AlertSubject(String policyId, int itemNumber, String unitId, String unitName, String responsibleName,
                           Integer progress, Map<String, String> milestoneTitles) {

    public AlertSubject {
        milestoneTitles = milestoneTitles == null ? Map.of() : Map.copyOf(milestoneTitles);
    }

    public static AlertSubject of(CommitmentView commitment) {
        Map<String, String> titles = new LinkedHashMap<>();
        commitment.milestones().forEach(m -> titles.put(m.milestoneId(), m.title()));
        return new AlertSubject(commitment.policyId(), commitment.itemNumber(), commitment.unitId(),
                commitment.unitName(), commitment.responsible() == null ? null : commitment.responsible().name(),
                commitment.progress(), titles);
    }

    public static AlertSubject fromId(String commitmentId) {
        String unitId = CommitmentId.unitOf(commitmentId);
        return new AlertSubject(CommitmentId.policyOf(commitmentId), CommitmentId.itemOf(commitmentId), unitId, unitId,
                null, null, Map.of());
    }

    public String milestoneTitle(String milestoneId) {
        return milestoneTitles.getOrDefault(milestoneId, milestoneId);
    }
}
