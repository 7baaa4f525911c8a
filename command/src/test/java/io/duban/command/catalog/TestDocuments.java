package io.duban.command.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The documents written for the tests in the form of 内政发〔2023〕1号, under src/test/resources/policies/. */
final class TestDocuments {

    private TestDocuments() {
    }

    static String text(String name) {
        String resource = "/policies/" + name;
        try (InputStream in = TestDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
