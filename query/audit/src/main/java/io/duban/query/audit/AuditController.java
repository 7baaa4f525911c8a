package io.duban.query.audit;

import io.duban.query.audit.digest.AuditKeys;
import io.duban.query.audit.digest.DigestPublisher;
import io.duban.query.audit.digest.SignedDigest;
import io.duban.query.audit.verify.ChainVerifier;
import io.duban.query.audit.verify.VerificationReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The tamper-evident history over REST, for inspectors and the office (route rules in {@code SecurityConfiguration}).
 * The verification here runs inside the operators' service; an inspector who does not trust it runs the same
 * {@link ChainVerifier} from the jar's command line ({@code java -jar duban.jar verify ...}).
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final DigestPublisher publisher;
    private final AuditKeys keys;
    private final DataSource dataSource;

    public AuditController(DigestPublisher publisher, AuditKeys keys, DataSource dataSource) {
        this.publisher = publisher;
        this.keys = keys;
        this.dataSource = dataSource;
    }

    @GetMapping("/digests/latest")
    public ResponseEntity<SignedDigest> latest() {
        return ResponseEntity.of(publisher.latest());
    }

    /** Every published digest, oldest first. */
    @GetMapping("/digests")
    public List<SignedDigest> all() {
        return publisher.all();
    }

    /** Chains what is pending and publishes a digest now. */
    @PostMapping("/digests")
    public ResponseEntity<SignedDigest> publish() {
        return ResponseEntity.status(HttpStatus.CREATED).body(publisher.publish());
    }

    @GetMapping("/public-key")
    public Map<String, String> publicKey() {
        return Map.of("algorithm", "Ed25519", "format", "X.509 (SubjectPublicKeyInfo), base64",
                "keyId", keys.keyId(), "publicKey", keys.publicKeyBase64());
    }

    /** Verifies the log; the body, optional, is a digest saved earlier. 200 either way: see {@code clean}. */
    @PostMapping("/verify")
    public VerificationReport verify(@RequestBody(required = false) SignedDigest savedDigest) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new ChainVerifier(keys.publicKey()).verify(connection, savedDigest);
        }
    }
}
