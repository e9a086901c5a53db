package org.harmonyee.services.http;

import org.harmonyee.core.config.ConfigDefaults;
import org.harmonyee.core.config.Options;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How an HTTP-family backend ({@code http}, {@code fhir}, {@code dicomweb}) talks to its server:
 * the connect and read timeouts, and the credentials the gateway itself presents. With
 * {@code upstream_username} and {@code upstream_password} every request carries HTTP Basic
 * credentials, with {@code upstream_bearer_token} a bearer token; either replaces whatever
 * {@code Authorization} the caller sent (write {@code "${VAR}"} to take a secret from the
 * environment).
 *
 * @param authorization the {@code Authorization} value sent to the server, when the gateway has its own
 */
public record UpstreamOptions(Duration connectTimeout, Duration readTimeout, Optional<String> authorization) {

    public UpstreamOptions {
        authorization.ifPresent(value -> {
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("an Authorization value must not hold control characters");
            }
        });
    }

    /** Reads the options, reporting each bad value as a problem naming its key. */
    public static UpstreamOptions read(Options options) {
        Duration connect = Duration.ofMillis(options.integer("connect_timeout_ms",
                ConfigDefaults.HTTP_CONNECT_TIMEOUT_MS, 1, 600_000));
        Duration read = Duration.ofMillis(options.integer("read_timeout_ms",
                ConfigDefaults.HTTP_READ_TIMEOUT_MS, 1, 3_600_000));
        return new UpstreamOptions(connect, read, authorization(options));
    }

    private static Optional<String> authorization(Options options) {
        Optional<String> username = options.string("upstream_username");
        Optional<String> password = options.string("upstream_password");
        Optional<String> token = options.string("upstream_bearer_token");
        if (token.isPresent() && (username.isPresent() || password.isPresent())) {
            options.problem("upstream_bearer_token", "set either upstream_bearer_token or upstream_username"
                    + " and upstream_password, not both");
            return Optional.empty();
        }
        if (token.isPresent()) {
            return printable(options, "upstream_bearer_token", token.get()).map(value -> "Bearer " + value);
        }
        if (username.isPresent() != password.isPresent()) {
            options.problem(username.isPresent() ? "upstream_password" : "upstream_username",
                    "needed with " + (username.isPresent() ? "upstream_username" : "upstream_password"));
            return Optional.empty();
        }
        if (username.isEmpty()) {
            return Optional.empty();
        }
        if (username.get().contains(":")) {
            options.problem("upstream_username", "must not contain ':' (HTTP Basic, RFC 7617)");
            return Optional.empty();
        }
        Optional<String> user = printable(options, "upstream_username", username.get());
        Optional<String> secret = printable(options, "upstream_password", password.get());
        if (user.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(
                (user.get() + ":" + secret.get()).getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<String> printable(Options options, String key, String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            options.problem(key, "must not be empty or hold control characters");
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
