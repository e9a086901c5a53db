package org.harmonyee.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a config.toml and pipeline files into a temporary directory. */
public final class ConfigFixture {

    private final Path directory;

    public ConfigFixture(Path directory) {
        this.directory = directory;
    }

    public ConfigFixture config(String toml) {
        return file("config.toml", toml);
    }

    public ConfigFixture pipeline(String name, String toml) {
        return file("pipelines/" + name, toml);
    }

    public ConfigFixture file(String relative, String content) {
        try {
            Path file = directory.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path configFile() {
        return directory.resolve("config.toml");
    }

    public GatewayConfig read(Map<String, String> environment) {
        return new ConfigReader(environment::get).load(configFile(), new Problems());
    }

    public GatewayConfig read() {
        return read(Map.of());
    }

    /** A minimal valid base file with one network on 127.0.0.1:18080. */
    public static final String BASE = """
            [proxy]
            id = "test"

            [network.default.http]
            bind_address = "127.0.0.1"
            bind_port = 18080
            """;
}
