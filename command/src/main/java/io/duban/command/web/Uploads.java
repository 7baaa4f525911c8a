package io.duban.command.web;

import io.duban.command.api.evidence.UploadedFile;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Multipart parts as the commands carry them; an empty file input (no file chosen) is no file. */
final class Uploads {

    private Uploads() {
    }

    static List<UploadedFile> of(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(part -> !(part.isEmpty() && (part.getOriginalFilename() == null
                        || part.getOriginalFilename().isBlank())))
                .map(Uploads::file).toList();
    }

    private static UploadedFile file(MultipartFile part) {
        try {
            return new UploadedFile(part.getOriginalFilename(), part.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded part", e);
        }
    }
}
