package io.duban.command.api;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Multipart parts as the commands carry them, for every web edge (REST and console); an empty file input (a form
 * sent without choosing a file) is no file.
 */
public final class UploadedFiles {

    private UploadedFiles() {
    }

    public static List<UploadedFile> of(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(part -> !(part.isEmpty() && (part.getOriginalFilename() == null
                        || part.getOriginalFilename().isBlank())))
                .map(UploadedFiles::file).toList();
    }

    private static UploadedFile file(MultipartFile part) {
        try {
            return new UploadedFile(part.getOriginalFilename(), part.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded part", e);
        }
    }
}
