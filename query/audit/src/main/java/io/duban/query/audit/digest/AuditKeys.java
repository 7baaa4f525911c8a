package io.duban.query.audit.digest;

import io.duban.query.audit.chain.EventChainHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key pair that signs the digests.
 * <ul>
 *   <li>Production: {@code duban.audit.private-key} (base64 PKCS#8) and {@code duban.audit.public-key} (base64 X.509),
 *       from the environment ({@code DUBAN_AUDIT_PRIVATE_KEY}, {@code DUBAN_AUDIT_PUBLIC_KEY}). Both are required
 *       together and must belong together.</li>
 *   <li>Embedded default (no private key configured): {@code ed25519-private.pk8.b64} and
 *       {@code ed25519-public.x509.b64} under {@code ${duban.data-dir}/audit/}, generated on the first start; the
 *       directory is {@code rwx------} and the private key file {@code rw-------} where the file system has POSIX
 *       permissions.</li>
 * </ul>
 * The private key is never logged or served; the key id is the first 16 hex digits of SHA-256 of the X.509 public key.
 */
public final class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    public static final String PRIVATE_FILE = "ed25519-private.pk8.b64";
    public static final String PUBLIC_FILE = "ed25519-public.x509.b64";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private AuditKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
        byte[] probe = "duban key check".getBytes(StandardCharsets.UTF_8);
        if (!verify(publicKey, probe, sign(probe))) {
            throw new IllegalStateException("duban.audit.public-key does not belong to duban.audit.private-key");
        }
    }

    /** From configuration when a private key is given, else from (or generated into) {@code directory}. */
    public static AuditKeys load(String privateKeyBase64, String publicKeyBase64, Path directory) {
        boolean hasPrivate = privateKeyBase64 != null && !privateKeyBase64.isBlank();
        boolean hasPublic = publicKeyBase64 != null && !publicKeyBase64.isBlank();
        if (hasPrivate != hasPublic) {
            throw new IllegalStateException("Set both duban.audit.private-key and duban.audit.public-key, or neither "
                    + "(then a key pair is generated under " + directory + ")");
        }
        if (hasPrivate) {
            AuditKeys keys = new AuditKeys(privateKey(privateKeyBase64), publicKey(publicKeyBase64));
            log.info("Audit digests are signed with the configured Ed25519 key {}", keys.keyId);
            return keys;
        }
        try {
            return fromDirectory(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the audit key pair under " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static AuditKeys fromDirectory(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            AuditKeys keys = new AuditKeys(privateKey(Files.readString(privateFile)),
                    publicKey(Files.readString(publicFile)));
            log.info("Audit digests are signed with the Ed25519 key {} kept in {}", keys.keyId, directory);
            return keys;
        }
        KeyPair pair = generate();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(directory);
        if (posix) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Files.createFile(privateFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        Files.writeString(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        AuditKeys keys = new AuditKeys(pair.getPrivate(), pair.getPublic());
        log.info("Generated the Ed25519 audit key {} under {} (public key: {})", keys.keyId, directory,
                keys.publicKeyBase64());
        return keys;
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuditKeys of(KeyPair pair) {
        return new AuditKeys(pair.getPrivate(), pair.getPublic());
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the message of a decoding error never contains the key material
            throw new IllegalStateException("The audit private key is not a base64 PKCS#8 Ed25519 key");
        }
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 X.509 Ed25519 public key");
        }
    }

    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(EventChainHash.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "AuditKeys[keyId=" + keyId + "]";
    }
}
