package io.duban.command.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of body a known unit is, as the unit list names it. The kind decides the one thing the import needs to
 * know: whether a short form in a 责任单位 cell inherits the 自治区 prefix (科技厅 after 自治区财政厅) or the body keeps a
 * name of its own (a regional office of a central body, a state-owned enterprise, another government).
 */
public enum UnitKind {
    CONSTITUENT("组成部门", true),
    SPECIAL("直属特设机构", true),
    DIRECT("直属机构", true),
    DEPARTMENT_ADMINISTERED("部门管理机构", true),
    INSTITUTION("直属事业单位", true),
    PARTY("党委机构", true),
    MASS_ORGANISATION("群团组织", true),
    CENTRAL_OFFICE("中央驻区单位", false),
    STATE_ENTERPRISE("国有企业", false),
    GOVERNMENT("盟市政府", false);

    private final String label;
    private final boolean regional;

    UnitKind(String label, boolean regional) {
        this.label = label;
        this.regional = regional;
    }

    /** The Chinese name used in the unit list file and shown in the preview. */
    public String label() {
        return label;
    }

    /** A 自治区 body: its short form, written after another 自治区 body, inherits the 自治区 prefix. */
    public boolean regional() {
        return regional;
    }

    static Optional<UnitKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
