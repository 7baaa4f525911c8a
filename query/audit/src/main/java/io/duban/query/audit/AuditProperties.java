package io.duban.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The tamper-evident history ({@code duban.audit}).
 *
 * @param privateKey     base64 PKCS#8 Ed25519 private key (production: {@code DUBAN_AUDIT_PRIVATE_KEY}); empty = the
 *                       key pair kept under {@code keyDirectory}, generated on the first start
 * @param publicKey      base64 X.509 public key belonging to it ({@code DUBAN_AUDIT_PUBLIC_KEY})
 * @param keyDirectory   where the embedded default keeps its key pair (default {@code ${duban.data-dir}/audit})
 * @param chainInterval  how often new events are chained
 * @param digestInterval how often a signed digest is published (when the chain has grown)
 * @param gapTimeout     how long a gap in the global index may hold the chain back before it is taken as permanent
 * @param schedule       false = no background passes (tests drive the chainer and publisher themselves)
 */
@ConfigurationProperties("duban.audit")
public record AuditProperties(String privateKey, String publicKey,
                              String keyDirectory,
                              @DefaultValue("5s") Duration chainInterval,
                              @DefaultValue("10m") Duration digestInterval,
                              @DefaultValue("60s") Duration gapTimeout,
                              @DefaultValue("500") int batchSize,
                              @DefaultValue("true") boolean schedule) {
}
