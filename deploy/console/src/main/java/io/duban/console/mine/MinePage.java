package io.duban.console.mine;

import java.time.LocalDate;
import java.util.List;

/**
 * 我的承诺: the unit's commitments (worst light first) and the items it answers for without a commitment yet.
 *
 * @param missingUnits units of the account the read side does not know (the page says so rather than hide it)
 */
record MinePage(List<Row> commitments, List<OpenItem> unregistered, List<String> missingUnits) {

    /**
     * @param nextTitle the earliest open milestone, or null
     * @param reason    the light's first reason
     */
    record Row(String commitmentId, String policyId, int itemNumber, String itemText, String unitName,
               String lightKey, String lightLabel, String reason, int progress, String nextId, String nextTitle,
               LocalDate nextDue, LocalDate dueDate) {
    }

    /** @param key what the registration form posts for it: policy, item and unit, separated by '|' */
    record OpenItem(String key, String policyId, int itemNumber, String text, String articleTitle, String unitName) {
    }
}
