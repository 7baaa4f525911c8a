package io.duban.bot.directory;

import com.mongodb.client.model.Filters;
import io.duban.command.api.OfficialRole;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Looks people up in the bot's copy of the directory; removed people are not found. */
@Component
public class Directory {

    private final MongoTemplate mongo;

    public Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<DirectoryEntry> find(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        Document doc = mongo.getCollection(DirectoryProjection.COLLECTION)
                .find(Filters.and(Filters.eq("_id", userId), Filters.eq("active", true))).first();
        return Optional.ofNullable(doc).map(Directory::entry);
    }

    /** Active people of a unit in the given roles, ordered by userId so messages go out in a stable order. */
    public List<DirectoryEntry> ofUnit(String unitId, Set<OfficialRole> roles) {
        List<DirectoryEntry> people = new ArrayList<>();
        mongo.getCollection(DirectoryProjection.COLLECTION)
                .find(Filters.and(Filters.eq("unitIds", unitId), Filters.eq("active", true),
                        Filters.in("role", roles.stream().map(Enum::name).toList())))
                .sort(new Document("_id", 1))
                .forEach(doc -> people.add(entry(doc)));
        return people;
    }

    private static DirectoryEntry entry(Document doc) {
        return new DirectoryEntry(doc.getString("_id"), doc.getString("name"),
                OfficialRole.valueOf(doc.getString("role")), doc.getList("unitIds", String.class));
    }
}
