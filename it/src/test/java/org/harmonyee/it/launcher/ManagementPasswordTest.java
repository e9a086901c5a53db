package org.harmonyee.it.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management API's user {@code admin} under {@code ./harmony run}: with no
 * HARMONY_ADMIN_PASSWORD a password is generated, printed once and kept (hashed) in the state
 * folder, the same on the next start; HARMONY_ADMIN_PASSWORD sets it instead, printed never.
 */
class ManagementPasswordTest {

    private static final Pattern PRINTED = Pattern.compile("management API user 'admin', password: (\\S+)");

    @RegisterExtension
    final Launches launches = new Launches();

    @Test
    void aGeneratedPasswordIsPrintedOnceAndKeptAndTheVariableReplacesIt() throws Exception {
        // A new port for each start: the stopped server's listener may linger a moment.
        int managementPort = LaunchedGateway.freePort();
        Path state = launches.directory().resolve("state");

        Launches.Started gateway = launches.startReady(writeConfig(managementPort), Map.of());
        List<String> first = gateway.startup();
        String generated = first.stream().map(PRINTED::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no password printed:\n" + String.join("\n", first)));
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(status(managementPort, "admin", generated)).isEqualTo(200);
        assertThat(status(managementPort, null, null)).isEqualTo(401);
        assertThat(status(managementPort, "admin", generated + "x")).isEqualTo(401);
        Path users = state.resolve("management-users.properties");
        assertThat(Files.readString(users)).doesNotContain(generated).contains("admin.password=PBKDF2WithHmacSHA256");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");
        gateway.gateway().close();

        managementPort = LaunchedGateway.freePort();
        gateway = launches.startReady(writeConfig(managementPort), Map.of());
        List<String> second = gateway.startup();
        assertThat(second).as("printed only at the first start").noneMatch(line -> line.contains("password:"));
        assertThat(status(managementPort, "admin", generated)).isEqualTo(200);
        gateway.gateway().close();

        managementPort = LaunchedGateway.freePort();
        gateway = launches.startReady(writeConfig(managementPort), Map.of("HARMONY_ADMIN_PASSWORD", "chosen-by-the-operator"));
        List<String> third = gateway.startup();
        assertThat(third).noneMatch(line -> line.contains("chosen-by-the-operator"));
        assertThat(status(managementPort, "admin", "chosen-by-the-operator")).isEqualTo(200);
        assertThat(status(managementPort, "admin", generated)).isEqualTo(401);
    }

    private static int status(int port, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/info"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Path writeConfig(int managementPort) throws IOException {
        Files.createDirectories(launches.directory().resolve("pipelines"));
        return launches.write("config.toml", """
                [proxy]
                id = "password-test"
                pipelines_path = "pipelines"
                [network.admin.http]
                bind_address = "127.0.0.1"
                bind_port = %d
                [management]
                enabled = true
                network = "admin"
                [storage.options]
                path = "storage"
                """.formatted(managementPort));
    }
}
