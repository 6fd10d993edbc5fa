package com.opensvc.aftersales.local.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.RSAKey;

/** The local issuer keeps its private signing key like the client secrets beside it: owner-only. Plain JUnit. */
class SigningKeyTest {
    @TempDir
    Path dataDir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
    }

    private String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    @DisplayName("the private signing key written on the first start is rw------- (owner only), like the client secrets")
    void newKeyFileIsOwnerOnly() throws Exception {
        RSAKey key = SigningKey.loadOrCreate(dataDir.resolve("issuer"));

        Path file = dataDir.resolve("issuer").resolve(SigningKey.FILE_NAME);
        assertThat(key.isPrivate()).isTrue();
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(RSAKey.parse(Files.readString(file)).getKeyID()).isEqualTo(key.getKeyID());

        DemoClients.loadOrCreate(dataDir.resolve("issuer").resolve("clients.properties"));
        assertThat(permissions(dataDir.resolve("issuer").resolve("clients.properties"))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("a key file an earlier version left world-readable is made owner-only on start, and the key is kept")
    void existingKeyFileIsRestrictedOnStart() throws Exception {
        RSAKey first = SigningKey.loadOrCreate(dataDir);
        Path file = dataDir.resolve(SigningKey.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        RSAKey again = SigningKey.loadOrCreate(dataDir);

        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(permissions(file)).isEqualTo("rw-------");
    }
}
