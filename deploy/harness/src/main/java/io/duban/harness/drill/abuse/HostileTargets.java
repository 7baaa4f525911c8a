package io.duban.harness.drill.abuse;

import java.time.LocalDate;
import java.util.List;

/**
 * What the hostile requests aim at: the drill's own unit (自治区财政厅, account {@code czt}) with a commitment, a
 * pending deadline change and an open major issue, and another unit's commitment (自治区教育厅, {@code jyt}).
 *
 * @param policyId         the imported policy
 * @param ownCommitment    czt's commitment
 * @param ownItem          its item number
 * @param freeItem         an item czt is listed for but has not registered
 * @param ownUnitId        czt's unit id
 * @param otherCommitment  jyt's commitment
 * @param otherUnitId      jyt's unit id
 * @param milestone        an open milestone of {@code ownCommitment}
 * @param pendingChange    a pending deadline change of {@code ownCommitment}
 * @param openIssue        an open major issue of {@code ownCommitment}
 * @param ownOfficial      czt's DingTalk official (in the directory)
 * @param otherOfficial    jyt's DingTalk official
 * @param removableOfficial an official in the directory the office could remove
 * @param start            a start date inside the plausible range
 * @param due              a final due date
 * @param milestoneDue     a milestone date between them
 * @param viewNames        the views the rebuild endpoint knows
 */
record HostileTargets(String policyId, String ownCommitment, int ownItem, int freeItem, String ownUnitId,
                      String otherCommitment, String otherUnitId, String milestone, String pendingChange,
                      String openIssue, String ownOfficial, String otherOfficial, String removableOfficial,
                      LocalDate start, LocalDate due, LocalDate milestoneDue, List<String> viewNames) {

    /** Fixed values with the demo catalog's ids, for tests of the generator (no application needed). */
    static HostileTargets demo() {
        return new HostileTargets("nzf-2023-1", "nzf-2023-1.31.uc88ba393", 31, 58, "uc88ba393",
                "nzf-2023-1.32.u0d5a7f3c", "u0d5a7f3c", "M1", "D1", "I1", "demo-czt-wang", "demo-jyt-li",
                "demo-fgw-chen", LocalDate.of(2027, 1, 4), LocalDate.of(2028, 12, 29), LocalDate.of(2028, 6, 30),
                List.of("policies", "items", "units", "commitments", "timeline", "officials", "dispatch-rounds"));
    }
}
