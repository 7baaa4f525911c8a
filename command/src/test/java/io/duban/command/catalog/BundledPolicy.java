package io.duban.command.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The document the service imports on first start, read from the classpath as the service reads it. */
final class BundledPolicy {

    static final String RESOURCE = "/policies/nzf-2023-1.txt";

    private BundledPolicy() {
    }

    static String text() {
        try (InputStream in = BundledPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
