package io.duban.query.audit.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.audit.digest.AuditKeys;
import io.duban.query.audit.digest.SignedDigest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code java -jar duban.jar verify --db-url=JDBC_URL [--db-user=U] [--db-password=P] --public-key=BASE64|FILE
 * [--digest=FILE] [--json]}: verifies the event log with plain JDBC, without starting the service or Axon.
 * The password may also come from {@code DUBAN_VERIFY_DB_PASSWORD}. Exit code 0 = clean, 1 = tampered,
 * 2 = usage error or the check could not run (no connection, unreadable key or digest).
 * <p>
 * With the embedded H2 default, stop the service first (H2 opens a file database in one process only), or use
 * {@code POST /api/audit/verify}.
 */
public final class AuditCli {

    public static final int CLEAN = 0;
    public static final int TAMPERED = 1;
    public static final int USAGE = 2;

    private static final Set<String> OPTIONS =
            Set.of("db-url", "db-user", "db-password", "public-key", "digest", "json");

    private AuditCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier; {@code args} exclude the leading {@code verify}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                return usage(err, "unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!OPTIONS.contains(name)) {
                return usage(err, "unknown option --" + name);
            }
            options.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        String url = options.get("db-url");
        String key = options.get("public-key");
        if (url == null || url.isBlank() || key == null || key.isBlank()) {
            return usage(err, "--db-url and --public-key are required");
        }
        PublicKey publicKey;
        SignedDigest saved = null;
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            Path keyFile = Path.of(key);
            publicKey = AuditKeys.publicKey(Files.isRegularFile(keyFile) ? keyText(Files.readString(keyFile)) : key);
            if (options.containsKey("digest")) {
                saved = json.readValue(Files.readString(Path.of(options.get("digest")), StandardCharsets.UTF_8),
                        SignedDigest.class);
            }
        } catch (IOException | IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Properties properties = new Properties();
        if (options.containsKey("db-user")) {
            properties.setProperty("user", options.get("db-user"));
        }
        String password = options.getOrDefault("db-password", System.getenv("DUBAN_VERIFY_DB_PASSWORD"));
        if (password != null) {
            properties.setProperty("password", password);
        }
        VerificationReport report;
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.setReadOnly(true);
            report = new ChainVerifier(publicKey).verify(connection, saved);
        } catch (SQLException e) {
            err.println("无法读取数据库 / cannot read the database: " + e.getMessage());
            return USAGE;
        }
        if (options.containsKey("json")) {
            try {
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.print(report.toText());
        }
        return report.clean() ? CLEAN : TAMPERED;
    }

    /** The key file may be the JSON of GET /api/audit/public-key or the bare base64. */
    private static String keyText(String text) throws IOException {
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            return new ObjectMapper().readTree(trimmed).path("publicKey").asText();
        }
        return trimmed;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("用法错误 / usage error: " + problem);
        err.println("java -jar duban.jar verify --db-url=JDBC_URL [--db-user=USER] [--db-password=PASSWORD] "
                + "--public-key=BASE64|FILE [--digest=SAVED_DIGEST.json] [--json]");
        err.println("退出码 / exit codes: 0 未发现篡改 clean, 1 发现篡改 tampered, 2 用法或连接错误 usage/connection error");
        return USAGE;
    }
}
