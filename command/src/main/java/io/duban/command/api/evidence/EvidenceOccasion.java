package io.duban.command.api.evidence;

/** What the files were submitted with. */
public enum EvidenceOccasion {
    PROGRESS_REPORT("进度报告"),
    MILESTONE_COMPLETION("里程碑完成"),
    COMPLETION_CLAIM("申请办结");

    private final String label;

    EvidenceOccasion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
