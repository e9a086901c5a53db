package org.harmonyee.middleware.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a signed JWT: a signature by a key the selector offers for the header's algorithm,
 * {@code typ} absent, {@code JWT} or {@code at+jwt} (RFC 9068 access tokens), {@code exp}
 * required, {@code nbf} and {@code iat} with leeway, {@code iss} and {@code aud} when configured.
 * Used by {@code jwt_auth} and by the management network's OpenID Connect tokens.
 */
public final class JwtVerifier {

    /** The token is refused: not a JWT, a bad signature, or a claim that does not verify. */
    public static final class InvalidTokenException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidTokenException(String reason) {
            super(reason);
        }
    }

    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final long leewaySeconds;
    private final Clock clock;

    /** {@code issuer} and {@code audience} may be null: then they are not checked. */
    public JwtVerifier(JWSKeySelector<SecurityContext> keys, String issuer, String audience, long leewaySeconds,
            Clock clock) {
        this.leewaySeconds = leewaySeconds;
        this.clock = clock;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys);
        // RFC 9068 access tokens are typed at+jwt; plain JWTs carry JWT or no typ.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, ACCESS_TOKEN, null));
        Set<String> required = new HashSet<>(Set.of("exp"));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (issuer != null) {
            exact.issuer(issuer);
            required.add("iss");
        }
        if (audience != null) {
            required.add("aud");
        }
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                audience == null ? null : new HashSet<>(List.of(audience)), exact.build(), required, new HashSet<>());
        verifier.setMaxClockSkew((int) leewaySeconds);
        processor.setJWTClaimsSetVerifier(verifier);
    }

    /**
     * The verified claims.
     *
     * @throws InvalidTokenException the token is refused; its message says why, for the caller
     * @throws JOSEException the token cannot be verified now (the keys cannot be fetched): the
     *         verifier's failure, not the caller's
     */
    public JWTClaimsSet verify(String token) throws InvalidTokenException, JOSEException {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Instant issued = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
            if (issued != null && issued.isAfter(clock.instant().plusSeconds(leewaySeconds))) {
                throw new InvalidTokenException("the token is issued in the future (iat)");
            }
            return claims;
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a JWT");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }
}
