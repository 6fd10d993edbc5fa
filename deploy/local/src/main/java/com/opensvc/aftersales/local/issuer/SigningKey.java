package com.opensvc.aftersales.local.issuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The local issuer's private signing key, generated on the first start and kept in {@code <data>/issuer}. It is a
 * secret like the clients' secrets beside it: the file is owner-only ({@code rw-------}) from its creation, and an
 * existing file (an earlier version wrote it world-readable) is made owner-only again on every start.
 */
final class SigningKey {
    static final String FILE_NAME = "signing-key.json";

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path dataDir) throws IOException, ParseException, JOSEException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            OwnerOnlyFiles.restrict(file);
            return RSAKey.parse(Files.readString(file));
        }
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        OwnerOnlyFiles.write(file, key.toJSONString());
        return key;
    }
}
