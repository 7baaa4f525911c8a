package io.duban.command.catalog;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.SupportItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
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
        if (command.policyId() == null || !POLICY_ID.matcher(command.policyId()).matches()) {
            throw CommandRefusedException.invalid("policy.bad-id",
                    "政策编号须为 3–40 位小写字母、数字或连字符，例如 nzf-2023-1。");
        }
        String sha = sha256(command.text());
        if (policyId != null) {
            if (sha.equals(sourceSha256)) {
                return new ImportOutcome(policyId, false, items.size());
            }
            throw CommandRefusedException.ruleViolated("policy.already-imported",
                    "政策 " + policyId + " 已按另一文本导入；已导入的政策不可覆盖，请使用新的政策编号。");
        }
        ParsedPolicy parsed = parser.parse(command.text());
        apply(new PolicyImported(command.policyId(), parsed.documentNumber(), parsed.title(), parsed.year(), sha,
                parsed.items(), parsed.coResponsibleUnits(), actor));
        return new ImportOutcome(command.policyId(), true, parsed.items().size());
    }

    @EventSourcingHandler
    void on(PolicyImported event) {
        policyId = event.policyId();
        sourceSha256 = event.sourceSha256();
        items = new HashMap<>();
        event.items().forEach(item -> items.put(item.number(), item));
    }

    public Optional<SupportItem> item(int number) {
        return Optional.ofNullable(items.get(number));
    }

    private static String sha256(String text) {
        if (text == null) {
            throw CommandRefusedException.invalid("policy.empty", "政策文件内容为空。");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
