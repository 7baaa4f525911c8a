package io.duban.query.view;

import io.duban.query.ProcessingGroups;
import io.duban.query.catalog.ItemsProjection;
import io.duban.query.catalog.PoliciesProjection;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.timeline.TimelineProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.policy;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoViewTest extends WireMongoTest {

    @Test
    void axonFindsTheInheritedResetHandler() throws Exception {
        // given
        UnitsProjection units = new UnitsProjection(mongo);
        units.on(policyImported());
        assertThat(mongo.getCollection(UnitsProjection.COLLECTION).countDocuments()).isPositive();

        // when: Axon resets the handler as a processor's resetTokens() does
        new AnnotationEventHandlerAdapter(units).prepareReset();

        // then
        assertThat(mongo.getCollection(UnitsProjection.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void axonStillDeliversTheSubclassEvents() throws Exception {
        // given
        PoliciesProjection policies = new PoliciesProjection(mongo);

        // when
        new AnnotationEventHandlerAdapter(policies).handle(policy(POLICY_ID, 0, policyImported(), Instant.EPOCH));

        // then
        assertThat(mongo.getCollection(PoliciesProjection.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void namesComeFromTheCollectionAndTheProcessingGroupAnnotation() {
        List<MongoView> views = List.of(new PoliciesProjection(mongo), new ItemsProjection(mongo),
                new UnitsProjection(mongo), new CommitmentsProjection(mongo), new TimelineProjection(mongo));

        assertThat(views).extracting(MongoView::processingGroup)
                .containsExactly(ProcessingGroups.POLICIES, ProcessingGroups.ITEMS, ProcessingGroups.UNITS,
                        ProcessingGroups.COMMITMENTS, ProcessingGroups.TIMELINE);
        assertThat(views).extracting(MongoView::viewName)
                .containsExactly("policies", "items", "units", "commitments", "timeline");
        assertThat(views).allSatisfy(view -> assertThat(view.collectionName()).isEqualTo(view.viewName()));
    }

    @Test
    void aViewWithoutProcessingGroupIsRefused() {
        assertThatThrownBy(() -> new MongoView(mongo, "stray") {
            @Override
            protected List<Bson> indexes() {
                return List.of();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("@ProcessingGroup");
    }

    @Test
    void resetLeavesAnEmptyCollectionThatStillTakesWrites() {
        // given
        CommitmentsProjection commitments = new CommitmentsProjection(mongo);
        mongo.getCollection(CommitmentsProjection.COLLECTION).insertOne(new Document("_id", "x"));

        // when
        commitments.reset();
        mongo.getCollection(CommitmentsProjection.COLLECTION).insertOne(new Document("_id", "y"));

        // then
        assertThat(mongo.getCollection(CommitmentsProjection.COLLECTION).find().into(new ArrayList<>()))
                .extracting(d -> d.getString("_id")).containsExactly("y");
    }
}
