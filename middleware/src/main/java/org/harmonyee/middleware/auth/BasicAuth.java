package org.harmonyee.middleware.auth;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Type {@code basic_auth}: accepts {@code Authorization: Basic} with the configured username and
 * password, or {@code Authorization: Bearer} with the content of {@code token_path}. Anything else
 * is 401 with {@code WWW-Authenticate: Basic realm="..."}. Sets metadata {@code auth.user} and
 * {@code auth.method}.
 */
public final class BasicAuth implements Middleware {

    public static final String TYPE = "basic_auth";

    private static final System.Logger LOG = System.getLogger(BasicAuth.class.getName());

    private final String username;
    private final String password;
    private final TokenFile tokenFile;
    private final String challenge;

    BasicAuth(String username, String password, TokenFile tokenFile, String realm) {
        this.username = username;
        this.password = password;
        this.tokenFile = tokenFile;
        this.challenge = "Basic realm=\"" + realm.replace("\"", "") + "\", charset=\"UTF-8\"";
    }

    public static BasicAuth create(ComponentConfig config, Options options, BuildContext context) {
        String username = options.requiredString("username");
        String password = options.requiredString("password");
        if (username.contains(":")) {
            options.problem("username", "must not contain ':' (Basic credentials are user:password)");
        }
        TokenFile tokenFile = options.path("token_path").map(path -> tokenFile(path, options)).orElse(null);
        return new BasicAuth(username, password, tokenFile, options.string("realm", "harmony"));
    }

    /**
     * A token file that does not exist yet is not a problem (the Rust Harmony starts without it):
     * one warning, then bearer tokens get 401 until the file appears. One that exists must be readable.
     */
    private static TokenFile tokenFile(Path path, Options options) {
        if (Files.exists(path) && !(Files.isRegularFile(path) && Files.isReadable(path))) {
            options.problem("token_path", "cannot read " + path + " (not a readable file)");
            return null;
        }
        TokenFile tokenFile = new TokenFile(path);
        if (!tokenFile.present()) {
            LOG.log(Level.WARNING, () -> options.source() + " token_path: " + path
                    + " does not exist yet; bearer tokens are refused (401) until it does");
        }
        return tokenFile;
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        String authorization = request.headers().first("Authorization").orElse("").strip();
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Basic")) {
            checkBasic(value);
            request.metadata().put(MetadataKeys.PRINCIPAL, username);
            request.metadata().put(MetadataKeys.AUTH_METHOD, "basic");
        } else if (scheme.equalsIgnoreCase("Bearer") && tokenFile != null) {
            String token = tokenFile.token();
            if (token.isEmpty() || !Credentials.matches(value, token)) {
                throw unauthorized("the bearer token is not valid");
            }
            request.metadata().put(MetadataKeys.PRINCIPAL, "token");
            request.metadata().put(MetadataKeys.AUTH_METHOD, "token");
        } else {
            throw unauthorized(authorization.isEmpty() ? "credentials are required" : "unsupported authorization scheme");
        }
        return next.proceed(request);
    }

    private void checkBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw unauthorized("malformed Basic credentials");
        }
        boolean user = Credentials.matches(decoded.substring(0, colon), username);
        boolean secret = Credentials.matches(decoded.substring(colon + 1), password);
        if (!(user & secret)) {
            throw unauthorized("wrong username or password");
        }
    }

    private GatewayException unauthorized(String detail) {
        return new GatewayException(ProblemType.UNAUTHORIZED, detail).withHeader("WWW-Authenticate", challenge);
    }
}
