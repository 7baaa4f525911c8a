package io.duban.command.api;

import java.util.Arrays;

/**
 * A file as an edge received it (a multipart part, a console form), carried by the command that it supports. The
 * command side checks it (type by content, size) and stores it in the same transaction as the command's events: a
 * refused command stores nothing.
 */
public record UploadedFile(String name, byte[] content) {

    public UploadedFile {
        content = content == null ? new byte[0] : content;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UploadedFile file && java.util.Objects.equals(name, file.name)
                && Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(name) + Arrays.hashCode(content);
    }

    /** Never the bytes: commands are logged when they fail. */
    @Override
    public String toString() {
        return "UploadedFile[name=" + name + ", size=" + content.length + "]";
    }
}
