package io.duban.query.api.light;

/** The traffic light of a commitment or an item, worst last. */
public enum LightColor {
    /** An item without any registered commitment. */
    NONE("未登记"),
    /** Verified complete. */
    DONE("已办结"),
    GREEN("正常"),
    /** Due soon, behind plan or blocked by an open major issue. */
    YELLOW("预警"),
    /** A milestone or the final due date has passed unmet. */
    RED("逾期");

    private final String label;

    LightColor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public LightColor worse(LightColor other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
