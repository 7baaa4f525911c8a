package io.duban.command.api.evidence;

import io.duban.command.api.Actor;

import java.util.List;

/**
 * Files of 佐证材料 were submitted with a progress report, a milestone completion or a completion claim; applied in
 * the same unit of work right after that event. A type of its own, so the events recorded before evidence existed
 * keep their shape.
 *
 * @param milestoneId the milestone for {@link EvidenceOccasion#MILESTONE_COMPLETION}, otherwise null
 */
public record EvidenceAttached(String commitmentId, EvidenceOccasion occasion, String milestoneId,
                               List<EvidenceFile> files, Actor actor) {

    public EvidenceAttached {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
