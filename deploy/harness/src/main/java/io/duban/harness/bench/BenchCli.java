package io.duban.harness.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code java -jar duban-harness.jar bench [--events=N] [--reports=R] [--replies=K] [--out=bench.json] [--db-url=jdbc:...]
 * [--no-embedded]}: boots the real application on a fresh database (the embedded default in a temp data dir and/or
 * PostgreSQL in a fresh schema) and prints measured figures against the targets of issue 6. Never asserts them.
 */
public final class BenchCli {

    private BenchCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return 2;
        }
        List<BenchResult> results = new ArrayList<>();
        int failures = 0;
        for (BenchTarget target : options.targets()) {
            out.println("== bench on " + target.label() + " ==");
            try {
                results.add(new BenchRun(options, target, out).run());
            } catch (Exception e) {
                failures++;
                err.println("bench on " + target.label() + " failed: " + e);
                e.printStackTrace(err);
            }
        }
        for (BenchResult result : results) {
            result.printTable(out);
        }
        try {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("options", options.asMap());
            json.put("runs", results.stream().map(BenchResult::asMap).toList());
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Path file = Path.of(options.out());
            Files.writeString(file, mapper.writeValueAsString(json));
            out.println("JSON written to " + file.toAbsolutePath());
        } catch (IOException e) {
            err.println("bench: cannot write " + options.out() + ": " + e.getMessage());
            return 1;
        }
        return failures == 0 ? 0 : 1;
    }
}
