package io.duban.harness.bench;

/** Which database a run uses: the embedded default (H2 file in a temp dir) or PostgreSQL at a JDBC URL. */
public record BenchTarget(String label, String postgresUrl) {

    public static BenchTarget embedded() {
        return new BenchTarget("embedded-h2", null);
    }

    public static BenchTarget postgres(String url) {
        return new BenchTarget("postgresql", url);
    }

    public boolean isPostgres() {
        return postgresUrl != null;
    }
}
