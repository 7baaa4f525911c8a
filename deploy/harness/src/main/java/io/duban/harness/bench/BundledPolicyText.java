package io.duban.harness.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.duban.command.catalog.BundledPolicyProperties;
import org.springframework.core.io.DefaultResourceLoader;

/** The text of the policy the product bundles, which the bench imports again under its own policy ids. */
final class BundledPolicyText {

    private BundledPolicyText() {
    }

    static String of(BundledPolicyProperties bundled) {
        try (InputStream in = new DefaultResourceLoader(BundledPolicyText.class.getClassLoader())
                .getResource(bundled.location()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled policy " + bundled.location(), e);
        }
    }
}
