package io.duban.deploy.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs redocly's OpenAPI linter ({@code redocly lint --extends=recommended}) on a document. It needs Node.js: CI
 * ({@code .ci/run}) installs a pinned {@code @redocly/cli} and points {@code DUBAN_REDOCLY} at it; on a machine
 * without it (the README's "JDK and Maven only") the test is reported as skipped with the reason, and
 * {@link OpenApiRules} still checks the same rules that matter.
 */
public final class RedoclyLint {

    /** The linter's error count and its whole report. */
    public record Result(int errors, int warnings, String output) {
    }

    private RedoclyLint() {
    }

    public static Result run(Path spec) throws IOException, InterruptedException {
        Optional<Path> redocly = executable();
        Assumptions.assumeTrue(redocly.isPresent(), "redocly is not installed: set DUBAN_REDOCLY to the redocly "
                + "executable or put it on PATH (.ci/run installs @redocly/cli); OpenApiRules still ran");
        Path report = Files.createTempFile("redocly", ".json");
        ProcessBuilder builder = new ProcessBuilder(redocly.get().toString(), "lint", "--extends=recommended",
                "--format=json", spec.toAbsolutePath().toString())
                .redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        // no telemetry, no update check: the lint must not depend on (or talk to) the network
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("redocly lint did not finish within 3 minutes");
        }
        String output = Files.readString(report, StandardCharsets.UTF_8);
        Files.deleteIfExists(report);
        JsonNode json = new ObjectMapper().readTree(output.substring(Math.max(0, output.indexOf('{'))));
        JsonNode totals = json.path("totals");
        if (totals.isMissingNode()) {
            throw new IllegalStateException("redocly answered no totals (exit " + process.exitValue() + "): " + output);
        }
        return new Result(totals.path("errors").asInt(), totals.path("warnings").asInt(), summary(json));
    }

    /** One line per problem: severity, rule, where, message. */
    private static String summary(JsonNode json) {
        StringBuilder out = new StringBuilder("redocly lint --extends=recommended: " + json.path("totals") + "\n");
        for (JsonNode problem : json.path("problems")) {
            out.append(problem.path("severity").asText()).append(' ').append(problem.path("ruleId").asText())
                    .append(' ').append(problem.path("location").path(0).path("pointer").asText()).append(": ")
                    .append(problem.path("message").asText()).append('\n');
        }
        return out.toString();
    }

    private static Optional<Path> executable() {
        String configured = System.getenv("DUBAN_REDOCLY");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "redocly"))
                .filter(Files::isExecutable).findFirst();
    }
}
