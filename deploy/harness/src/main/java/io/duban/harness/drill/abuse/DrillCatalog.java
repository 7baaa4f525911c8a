package io.duban.harness.drill.abuse;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import io.duban.command.catalog.BundledPolicyProperties;
import io.duban.command.commitment.ItemCatalog;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The items of the bundled policy, read from the running application's catalog. */
final class DrillCatalog {

    private DrillCatalog() {
    }

    static String policyId(ApplicationContext app) {
        return app.getBean(BundledPolicyProperties.class).policyId();
    }

    static List<SupportItem> items(ApplicationContext app) {
        ItemCatalog catalog = app.getBean(ItemCatalog.class);
        String policyId = policyId(app);
        List<SupportItem> items = new ArrayList<>();
        for (int n = 1; n < 1000; n++) {
            Optional<SupportItem> item = findItem(catalog, policyId, n);
            if (item.isEmpty()) {
                break;
            }
            items.add(item.get());
        }
        return items;
    }

    static boolean lists(SupportItem item, String unitName) {
        return item.units().stream().map(ResponsibleUnit::name).anyMatch(unitName::equals);
    }

    /** The catalog loads the policy aggregate, which Axon only allows inside a unit of work. */
    private static Optional<SupportItem> findItem(ItemCatalog catalog, String policyId, int number) {
        ResultMessage<Optional<SupportItem>> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> catalog.findItem(policyId, number));
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }
}
