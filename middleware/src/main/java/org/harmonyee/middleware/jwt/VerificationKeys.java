package org.harmonyee.middleware.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.harmonyee.core.config.Options;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * Builds the key selector of a jwt_auth instance from its options, reporting unusable keys as
 * configuration problems. Only the configured algorithm ever selects a key: a token whose header
 * names another algorithm (none, HS256 against an RSA key, ...) finds no key and is rejected.
 */
public final class VerificationKeys {

    static final int MIN_HS256_SECRET_BYTES = 32;

    private VerificationKeys() {
    }

    /** The selector, or empty when the options are unusable (the problems are reported). */
    static Optional<JWSKeySelector<SecurityContext>> select(Options options) {
        boolean hs256 = options.bool("use_hs256", false);
        if (hs256) {
            return hs256(options);
        }
        Optional<Path> keyPath = options.path("public_key_path");
        Optional<String> jwksUrl = options.string("jwks_url");
        if (keyPath.isEmpty() && jwksUrl.isEmpty()) {
            options.problem("public_key_path", "jwt_auth needs an RS256 key (public_key_path or jwks_url), "
                    + "or use_hs256 = true with hs256_secret");
            return Optional.empty();
        }
        if (keyPath.isPresent() && jwksUrl.isPresent()) {
            options.problem("jwks_url", "set public_key_path or jwks_url, not both");
            return Optional.empty();
        }
        return keyPath.isPresent() ? fromFile(keyPath.get(), options) : fromUrl(jwksUrl.get(), options);
    }

    private static Optional<JWSKeySelector<SecurityContext>> hs256(Options options) {
        String secret = options.requiredString("hs256_secret");
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_HS256_SECRET_BYTES) {
            options.problem("hs256_secret", "must be at least " + MIN_HS256_SECRET_BYTES + " bytes");
            return Optional.empty();
        }
        if (options.has("public_key_path") || options.has("jwks_url")) {
            options.problem("use_hs256", "HS256 ignores public_key_path and jwks_url; configure one algorithm");
        }
        Key key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return Optional.of(single(JWSAlgorithm.HS256, key));
    }

    private static Optional<JWSKeySelector<SecurityContext>> fromFile(Path file, Options options) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            options.problem("public_key_path", "cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        try {
            if (content.startsWith("{")) {
                JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(JWKSet.parse(content));
                return Optional.of(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            }
            PublicKey key = PemKeys.publicKey(content);
            if (!(key instanceof RSAPublicKey)) {
                options.problem("public_key_path", file + " holds a " + key.getAlgorithm() + " key, not RSA");
                return Optional.empty();
            }
            return Optional.of(single(JWSAlgorithm.RS256, key));
        } catch (ParseException | IllegalArgumentException e) {
            options.problem("public_key_path", file + " is not a PEM public key, X.509 certificate or JWKS: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<JWSKeySelector<SecurityContext>> fromUrl(String url, Options options) {
        long minRefresh = options.integer("jwks_refresh_min_interval_ms", 5_000, 0, 3_600_000);
        long cacheTtl = options.integer("jwks_cache_ttl_ms", 300_000, 1_000, 86_400_000);
        try {
            return Optional.of(remote(URI.create(url).toURL(), cacheTtl, minRefresh));
        } catch (MalformedURLException | IllegalArgumentException e) {
            options.problem("jwks_url", "not a valid URL: " + url);
            return Optional.empty();
        }
    }

    /**
     * RS256 keys of a JWKS URL, fetched when first needed, cached for {@code cacheTtlMs} and fetched
     * again on an unknown kid, at most once per {@code minRefreshMs} (0: no limit).
     */
    public static JWSKeySelector<SecurityContext> remote(URL jwks, long cacheTtlMs, long minRefreshMs) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(2_000, 2_000, 1024 * 1024);
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(jwks, retriever)
                .cache(cacheTtlMs, Math.min(cacheTtlMs - 1, 15_000))
                .retrying(false)
                .refreshAheadCache(false);
        builder = minRefreshMs == 0 ? builder.rateLimited(false) : builder.rateLimited(minRefreshMs);
        return new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, builder.build());
    }

    /** One key, for one algorithm, whatever the token's kid. */
    private static JWSKeySelector<SecurityContext> single(JWSAlgorithm algorithm, Key key) {
        return (header, context) -> algorithm.equals(header.getAlgorithm()) ? List.of(key) : List.of();
    }
}
