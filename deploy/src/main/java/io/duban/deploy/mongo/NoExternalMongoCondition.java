package io.duban.deploy.mongo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external MongoDB is configured: neither {@code spring.data.mongodb.uri} (also set from the
 * environment variables {@code SPRING_DATA_MONGODB_URI} or, through application.yml, {@code MONGODB_URI}) nor
 * {@code MONGODB_URI} itself has text.
 */
class NoExternalMongoCondition extends SpringBootCondition {

    static final String URI_PROPERTY = "spring.data.mongodb.uri";
    static final String URI_VARIABLE = "MONGODB_URI";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        for (String name : new String[] {URI_PROPERTY, URI_VARIABLE}) {
            if (StringUtils.hasText(environment.getProperty(name))) {
                return ConditionOutcome.noMatch("external MongoDB configured by " + name);
            }
        }
        return ConditionOutcome.match("neither " + URI_PROPERTY + " nor " + URI_VARIABLE + " is set");
    }
}
