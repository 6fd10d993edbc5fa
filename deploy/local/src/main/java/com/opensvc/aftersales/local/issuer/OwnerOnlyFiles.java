package com.opensvc.aftersales.local.issuer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The issuer's secrets on disk (the signing key, the demo clients' secrets): readable and writable by the owner
 * only ({@code rw-------}). A new file is created with those permissions, so it is never readable by others, not
 * even between its creation and the first write; an existing file gets them again on every start.
 */
final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Writes {@code text} to {@code file}, creating it owner-only or making an existing one owner-only first. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            restrict(file);
        } else if (posix()) {
            Files.createFile(file, asAttribute());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Makes an existing file owner-only (a file written by an earlier version may be world-readable). */
    static void restrict(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> asAttribute() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
