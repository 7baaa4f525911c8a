package io.duban.command.commitment;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.Role;
import io.duban.command.api.SupportItem;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.command.api.UploadedFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Test data shared by the commitment fixtures: item 31 of nzf-2023-1, owned by 自治区财政厅. */
final class Fixtures {

    static final String POLICY = "nzf-2023-1";
    static final ResponsibleUnit FINANCE = ResponsibleUnit.of("自治区财政厅", false);
    static final ResponsibleUnit EDUCATION = ResponsibleUnit.of("自治区教育厅", false);
    static final ResponsibleUnit HOHHOT = ResponsibleUnit.of("呼和浩特市人民政府", true);
    static final SupportItem ITEM_31 = new SupportItem(31, "健全地铁线路运营补贴机制，自治区以定额补助方式每年补助呼和浩特市10亿元",
            "（十二）", "强化城市基础保障功能", List.of(FINANCE, HOHHOT), List.of());
    static final String ID = CommitmentId.of(POLICY, 31, FINANCE.unitId());

    static final Actor FINANCE_OFFICIAL = new Actor("zhangsan", "张三", Role.UNIT, Set.of(FINANCE.unitId()),
            Channel.WEB, null);
    static final Actor EDUCATION_OFFICIAL = new Actor("lisi", "李四", Role.UNIT, Set.of(EDUCATION.unitId()),
            Channel.WEB, null);
    static final Actor OFFICE = new Actor("office", "领导小组办公室", Role.OFFICE, Set.of(), Channel.WEB, null);
    static final Actor INSPECTOR = new Actor("inspector", "督查员", Role.INSPECTOR, Set.of(), Channel.WEB, null);

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    static final LocalDate M1_DUE = LocalDate.of(2026, 3, 31);
    static final LocalDate M2_DUE = LocalDate.of(2026, 9, 30);

    /** A (tiny) PDF of 拨付凭证, and how its event describes it: the hash computed here, independently. */
    static final byte[] PROOF_PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final UploadedFile PROOF = new UploadedFile("拨付凭证.pdf", PROOF_PDF);
    static final EvidenceFile PROOF_FILE = new EvidenceFile(sha256(PROOF_PDF), PROOF_PDF.length, "拨付凭证.pdf",
            "application/pdf");

    private Fixtures() {
    }

    /** A completion claim with 拨付凭证.pdf attached. */
    static ClaimCompletion claimWithProof(String summary, Actor actor, boolean completingOpenMilestones) {
        return new ClaimCompletion(ID, summary, actor, completingOpenMilestones, List.of(PROOF));
    }

    static EvidenceAttached proofAttachedToClaim(Actor actor) {
        return new EvidenceAttached(ID, EvidenceOccasion.COMPLETION_CLAIM, null, List.of(PROOF_FILE), actor);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RegisterCommitment register(Actor actor) {
        return new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(), new ResponsiblePerson("王五", "处长"),
                "先出台补贴办法，再按年度拨付", START, DUE,
                // deliberately out of order: the aggregate numbers milestones by due date
                List.of(new MilestonePlan("拨付年度补助", M2_DUE), new MilestonePlan("出台补贴办法", M1_DUE)), actor);
    }

    static CommitmentRegistered registered() {
        return new CommitmentRegistered(ID, POLICY, 31, FINANCE.unitId(), FINANCE.name(),
                new ResponsiblePerson("王五", "处长"), "先出台补贴办法，再按年度拨付", START, DUE,
                List.of(new Milestone("M1", "出台补贴办法", M1_DUE), new Milestone("M2", "拨付年度补助", M2_DUE)),
                FINANCE_OFFICIAL);
    }
}
