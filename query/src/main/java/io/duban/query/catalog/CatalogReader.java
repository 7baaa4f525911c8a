package io.duban.query.catalog;

import io.duban.query.api.catalog.UnitView;
import io.duban.query.api.catalog.PolicyView;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.ItemRef;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import io.duban.query.view.StampedCache;
import io.duban.query.view.ViewStamps;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the policies, items and units views. Every unit and every item of every policy — what the board pages ask on
 * each view, and what changes only when a policy is imported — are kept until their view's stamp moves
 * ({@link StampedCache}).
 */
@Component
public class CatalogReader {

    private static final Comparator<ItemView> ITEM_ORDER =
            Comparator.comparing(ItemView::policyId).thenComparingInt(ItemView::number);

    private final MongoTemplate mongo;
    private final StampedCache<String, List<ItemView>> allItems;
    private final StampedCache<String, List<UnitView>> allUnits;

    public CatalogReader(MongoTemplate mongo) {
        this.mongo = mongo;
        ViewStamps stamps = new ViewStamps(mongo);
        this.allItems = new StampedCache<>(stamps, ItemsProjection.COLLECTION, 1);
        this.allUnits = new StampedCache<>(stamps, UnitsProjection.COLLECTION, 1);
    }

    public List<PolicyView> policies() {
        return all(collection(PoliciesProjection.COLLECTION).find()).stream()
                .map(CatalogDocuments::policy)
                .sorted(Comparator.comparing(PolicyView::year).reversed().thenComparing(PolicyView::policyId))
                .toList();
    }

    public Optional<PolicyView> policy(String policyId) {
        return Optional.ofNullable(collection(PoliciesProjection.COLLECTION).find(Filters.eq("_id", policyId)).first())
                .map(CatalogDocuments::policy);
    }

    /** Every item of the policy, or of every policy when policyId is null, in policy and row order. */
    public List<ItemView> items(String policyId) {
        if (policyId == null) {
            return allItems.get("all", () -> readItems(new Document()));
        }
        return readItems(Filters.eq("policyId", policyId));
    }

    private List<ItemView> readItems(Bson filter) {
        return all(collection(ItemsProjection.COLLECTION).find(filter)).stream()
                .map(CatalogDocuments::item).sorted(ITEM_ORDER).toList();
    }

    public Optional<ItemView> item(String policyId, int number) {
        return Optional.ofNullable(collection(ItemsProjection.COLLECTION)
                        .find(Filters.eq("_id", ItemsProjection.itemId(policyId, number))).first())
                .map(CatalogDocuments::item);
    }

    public List<ItemView> items(Collection<ItemRef> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        List<String> ids = refs.stream().map(ref -> ItemsProjection.itemId(ref.policyId(), ref.number())).toList();
        return all(collection(ItemsProjection.COLLECTION).find(Filters.in("_id", ids))).stream()
                .map(CatalogDocuments::item).sorted(ITEM_ORDER).toList();
    }

    /** Every unit: row units first, then the co-responsible ones, each by name in pinyin order. */
    public List<UnitView> units() {
        return allUnits.get("all", () -> all(collection(UnitsProjection.COLLECTION).find()).stream()
                .map(CatalogDocuments::unit)
                .sorted(Comparator.comparing(UnitView::coResponsible)
                        .thenComparing(UnitView::name, Collator.getInstance(Locale.CHINA)))
                .toList());
    }

    public Optional<UnitView> unit(String unitId) {
        return Optional.ofNullable(collection(UnitsProjection.COLLECTION).find(Filters.eq("_id", unitId)).first())
                .map(CatalogDocuments::unit);
    }

    /**
     * The names of the given units as the units view knows them (from the imported policies); a unit no policy lists
     * is left out of the map.
     */
    public Map<String, String> unitNames(Collection<String> unitIds) {
        Map<String, String> names = new HashMap<>();
        if (!unitIds.isEmpty()) {
            collection(UnitsProjection.COLLECTION).find(Filters.in("_id", Set.copyOf(unitIds)))
                    .forEach(unit -> names.put(unit.getString("_id"), unit.getString("name")));
        }
        return names;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }

    private static List<Document> all(Iterable<Document> documents) {
        List<Document> list = new ArrayList<>();
        documents.forEach(list::add);
        return list;
    }
}
