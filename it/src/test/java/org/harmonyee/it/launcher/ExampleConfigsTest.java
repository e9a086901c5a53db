package org.harmonyee.it.launcher;

import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code examples/NAME/config.toml} passes the checks the server runs at startup (those of
 * {@code ./harmony validate}), with the defaults of its variables; no server is started.
 */
class ExampleConfigsTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> everyExampleIsValid() throws IOException {
        List<Path> configs;
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            configs = folders.map(folder -> folder.resolve("config.toml")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(configs).as("the examples").hasSizeGreaterThanOrEqualTo(5);
        return configs.stream().map(config -> DynamicTest.dynamicTest(config.getParent().getFileName().toString(), () -> {
            try (GatewayRuntime runtime = GatewayAssembler.readAndAssemble(config,
                    ServiceCatalog.standard(getClass().getClassLoader()),
                    read -> new BuildContext(read, Runnable::run, null, Clock.systemUTC(), "examples"))) {
                assertThat(runtime.pipelines()).isNotEmpty();
                assertThat(runtime.routes().all()).isNotEmpty();
            }
        }));
    }
}
