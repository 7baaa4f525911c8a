package io.duban.harness.drill.abuse;

import java.util.List;

/**
 * Every POST route the {@code hostile} drill attacks. {@code rightfulUser} is the demo account that may call it on the
 * drill's own targets (null: DingTalk's signature instead of a login); {@code bodyOptional} routes accept no body.
 */
enum HostileEndpoint {
    REGISTER("/api/commitments", Body.JSON, "czt", false),
    PROGRESS("/api/commitments/{c}/progress", Body.JSON, "czt", false),
    MILESTONE_COMPLETION("/api/commitments/{c}/milestones/{m}/completion", Body.JSON, "czt", true),
    DEADLINE_CHANGE("/api/commitments/{c}/deadline-changes", Body.JSON, "czt", false),
    APPROVAL("/api/commitments/{c}/deadline-changes/{d}/approval", Body.JSON, "office", true),
    REJECTION("/api/commitments/{c}/deadline-changes/{d}/rejection", Body.JSON, "office", true),
    ISSUE("/api/commitments/{c}/issues", Body.JSON, "czt", false),
    RESOLUTION("/api/commitments/{c}/issues/{i}/resolution", Body.JSON, "czt", true),
    COMPLETION_CLAIM("/api/commitments/{c}/completion-claim", Body.JSON, "czt", true),
    VERIFICATION("/api/commitments/{c}/verification", Body.JSON, "office", true),
    REOPENING("/api/commitments/{c}/reopening", Body.JSON, "office", true),
    URGING("/api/commitments/{c}/urging", Body.JSON, "office", true),
    UNIT_URGING("/api/units/{u}/urging", Body.JSON, "office", true),
    APPOINT_OFFICIAL("/api/officials", Body.JSON, "office", false),
    REMOVE_OFFICIAL("/api/officials/{o}/removal", Body.JSON, "office", true),
    IMPORT_POLICY("/api/policies?policyId={p}", Body.TEXT, "office", false),
    REBUILD_VIEWS("/api/admin/views/rebuild?view={v}", Body.IGNORED, "office", true),
    AUDIT_VERIFY("/api/audit/verify", Body.JSON, "inspector", true),
    DEV_REPLY("/api/dev/dingtalk/replies", Body.JSON, "czt", false),
    DEV_FAULTS("/api/dev/dingtalk/faults", Body.JSON, "office", false),
    CALLBACK("/api/dingtalk/callback", Body.JSON, null, false);

    enum Body { JSON, TEXT, IGNORED }

    /** The endpoints acting on a commitment as its unit (path {c} = the unit's own commitment). */
    static final List<HostileEndpoint> UNIT_COMMANDS = List.of(PROGRESS, MILESTONE_COMPLETION, DEADLINE_CHANGE, ISSUE,
            RESOLUTION, COMPLETION_CLAIM);
    /** The endpoints only the office may call. */
    static final List<HostileEndpoint> OFFICE_COMMANDS = List.of(APPROVAL, REJECTION, VERIFICATION, REOPENING, URGING,
            UNIT_URGING, APPOINT_OFFICIAL, REMOVE_OFFICIAL, IMPORT_POLICY);
    /** The JSON write endpoints that record events when they accept. */
    static final List<HostileEndpoint> JSON_COMMANDS = List.of(REGISTER, PROGRESS, MILESTONE_COMPLETION, DEADLINE_CHANGE,
            APPROVAL, REJECTION, ISSUE, RESOLUTION, COMPLETION_CLAIM, VERIFICATION, REOPENING, URGING, UNIT_URGING,
            APPOINT_OFFICIAL, REMOVE_OFFICIAL);

    private final String template;
    private final Body body;
    private final String rightfulUser;
    private final boolean bodyOptional;

    HostileEndpoint(String template, Body body, String rightfulUser, boolean bodyOptional) {
        this.template = template;
        this.body = body;
        this.rightfulUser = rightfulUser;
        this.bodyOptional = bodyOptional;
    }

    String template() {
        return template;
    }

    Body body() {
        return body;
    }

    String rightfulUser() {
        return rightfulUser;
    }

    boolean bodyOptional() {
        return bodyOptional;
    }

    /** Routes whose 2xx answer is fine for a hostile body because they never record anything by themselves. */
    boolean mayAccept() {
        return this == AUDIT_VERIFY || this == DEV_REPLY;
    }
}
