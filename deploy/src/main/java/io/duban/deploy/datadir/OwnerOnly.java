package io.duban.deploy.datadir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only permissions for the data directory: the directory and its subdirectories 0700, its files 0600. The
 * event store, the views and the audit keys hold every commitment, person and signature; a umask of 022 made them
 * readable by every local user. On file systems without POSIX permissions (Windows) nothing is changed.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    public static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory 0700 if it is missing (with missing parents as the umask says). */
    public static void createDirectory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                if (directory.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(directory.toAbsolutePath().getParent());
                }
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            // createDirectory's attribute is filtered by the umask: set it explicitly
            Files.setPosixFilePermissions(directory, DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }

    /** Tightens the directory, its subdirectories and files; symbolic links are neither followed nor changed. */
    public static void tighten(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, DIRECTORY);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + directory, e);
        }
    }
}
