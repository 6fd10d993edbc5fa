package com.opensvc.aftersales.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * The test worker's stand-in for Strimzi's {@code KubernetesSecretConfigProvider} (there is no cluster here): it
 * answers the same references, {@code ${secrets:<secret>:<key>}} or {@code ${secrets:<namespace>/<secret>:<key>}},
 * from files {@code <directory>/<secret>/<key>} - the layout of a Secret mounted as a volume. So the generated
 * connector config reaches the worker with its Secret references unchanged, and the worker resolves them.
 */
public class SecretFilesConfigProvider implements ConfigProvider {
    private Path directory;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get("directory");
        if (configured == null) {
            throw new ConfigException("config.providers.secrets.param.directory is required");
        }
        directory = Path.of(configured.toString());
    }

    @Override
    public ConfigData get(String path) {
        Path secret = secret(path);
        Map<String, String> data = new HashMap<>();
        try (Stream<Path> keys = Files.list(secret)) {
            keys.forEach(key -> data.put(key.getFileName().toString(), read(key)));
        } catch (IOException e) {
            throw new ConfigException("no Secret " + path);
        }
        return new ConfigData(data);
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Path secret = secret(path);
        Map<String, String> data = new HashMap<>();
        for (String key : keys) {
            Path file = secret.resolve(key);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("Secret " + path + " has no key " + key);
            }
            data.put(key, read(file));
        }
        return new ConfigData(data);
    }

    private Path secret(String path) {
        String name = path.contains("/") ? path.substring(path.indexOf('/') + 1) : path;
        if (!name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            throw new ConfigException("not a Secret name: " + path);
        }
        return directory.resolve(name);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
    }
}
