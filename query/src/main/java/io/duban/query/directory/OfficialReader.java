package io.duban.query.directory;

import io.duban.query.api.directory.OfficialView;
import com.mongodb.client.model.Filters;
import io.duban.command.api.OfficialRole;
import io.duban.query.catalog.CatalogReader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code officials} view, naming the units from the units view. */
@Component
public class OfficialReader {

    private static final Comparator<OfficialView> ORDER = Comparator.comparing((OfficialView o) -> !o.active())
            .thenComparing(OfficialView::name, Comparator.nullsLast(Collator.getInstance(Locale.CHINA)))
            .thenComparing(OfficialView::userId);

    private final MongoTemplate mongo;
    private final CatalogReader catalog;

    public OfficialReader(MongoTemplate mongo, CatalogReader catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    public Optional<OfficialView> byId(String userId) {
        return Optional.ofNullable(mongo.getCollection(OfficialsProjection.COLLECTION)
                .find(Filters.eq("_id", userId)).first()).map(d -> named(List.of(d)).get(0));
    }

    /** The officials matching every given criterion (null = any): active ones first, then by name in pinyin order. */
    public List<OfficialView> find(String unitId, OfficialRole role, boolean activeOnly) {
        List<Bson> criteria = new ArrayList<>();
        if (unitId != null) {
            criteria.add(Filters.eq("unitIds", unitId));
        }
        if (role != null) {
            criteria.add(Filters.eq("role", role.name()));
        }
        if (activeOnly) {
            criteria.add(Filters.eq("active", true));
        }
        Bson filter = criteria.isEmpty() ? new Document() : Filters.and(criteria);
        List<Document> found = mongo.getCollection(OfficialsProjection.COLLECTION).find(filter).into(new ArrayList<>());
        return named(found).stream().sorted(ORDER).toList();
    }

    private List<OfficialView> named(List<Document> documents) {
        Map<String, String> names = catalog.unitNames(documents.stream().flatMap(d -> OfficialDocuments.unitIdsIn(d).stream())
                .toList());
        return documents.stream().map(d -> OfficialDocuments.view(d, names::get)).toList();
    }
}
