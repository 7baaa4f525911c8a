package io.duban.deploy.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
public class DemoModeFailureAnalyzer extends AbstractFailureAnalyzer<DemoModeRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoModeRefusal cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure the settings named above (deploy/production/duban.env.example), or start the embedded demo "
                        + "with --spring.profiles.active=" + DemoModeCheck.PROFILE + ".", cause);
    }
}
