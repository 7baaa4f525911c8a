package io.duban.command.catalog;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ImportCorrection;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.SupportItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A policy document and its catalog of support items. Imported once; a re-import of the same text is a no-op so the
 * start-up import and a repeated REST call are safe.
 */
@Aggregate
public class Policy {

    static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

    @AggregateIdentifier
    private String policyId;
    private String sourceSha256;
    private Map<Integer, SupportItem> items = new HashMap<>();
    private List<ImportCorrection> corrections = List.of();

    protected Policy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportOutcome handle(ImportPolicy command, PolicyDocumentParser parser) {
        Actor actor = command.actor();
        if (actor == null || !actor.isOffice()) {
            throw CommandRefusedException.notPermitted("policy.office-only", "只有领导小组办公室可以导入政策文件。");
        }
        if (!isValidId(command.policyId())) {
            throw CommandRefusedException.invalid("policy.bad-id",
                    "政策编号须为 3–40 位小写字母、数字或连字符，例如 nzf-2023-1。");
        }
        if (command.text() == null) {
            throw CommandRefusedException.invalid("policy.empty", "政策文件内容为空。");
        }
        String sha = SourceDigest.sha256(command.text());
        if (policyId != null) {
            if (!sha.equals(sourceSha256)) {
                throw CommandRefusedException.ruleViolated("policy.already-imported",
                        "政策 " + policyId + " 已按另一文本导入；已导入的政策不可覆盖，请使用新的政策编号。");
            }
            // the same text again: a no-op when it asks for what was recorded (a retried confirm, every start-up)
            boolean sameCorrections = command.corrections().isEmpty() ? corrections.isEmpty()
                    : parser.read(command.text(), command.corrections()).corrections().equals(corrections);
            if (!sameCorrections) {
                throw CommandRefusedException.ruleViolated("policy.already-imported",
                        "政策 " + policyId + " 已按同一文本导入，但更正不同；已导入的政策不可覆盖，请使用新的政策编号。");
            }
            return new ImportOutcome(policyId, false, items.size());
        }
        PolicyDraft draft = parser.read(command.text(), command.corrections());
        apply(new PolicyImported(command.policyId(), draft.documentNumber(), draft.title(), draft.year(), sha,
                draft.items().stream().map(DraftItem::supportItem).toList(), draft.responsibleUnits(), actor,
                draft.corrections()));
        return new ImportOutcome(command.policyId(), true, draft.items().size());
    }

    /** A policy id as the office may choose it, e.g. nzf-2023-1. */
    public static boolean isValidId(String policyId) {
        return policyId != null && POLICY_ID.matcher(policyId).matches();
    }

    @EventSourcingHandler
    void on(PolicyImported event) {
        policyId = event.policyId();
        sourceSha256 = event.sourceSha256();
        corrections = event.corrections();
        items = new HashMap<>();
        event.items().forEach(item -> items.put(item.number(), item));
    }

    public Optional<SupportItem> item(int number) {
        return Optional.ofNullable(items.get(number));
    }
}
