package org.harmonyee.middleware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the repository's transforms/ folder (the shipped example specs) into a test gateway. */
public final class ShippedTransforms {

    private ShippedTransforms() {
    }

    public static TestGateway copyInto(TestGateway gateway) {
        Path shipped = Path.of("..", "transforms");
        try (var files = Files.list(shipped)) {
            for (Path spec : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                gateway.file("transforms/" + spec.getFileName(), Files.readString(spec));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped transforms/ folder is missing", e);
        }
        return gateway;
    }
}
