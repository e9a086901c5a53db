package org.harmonyee.core.content;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.error.Causes;
import org.harmonyee.core.error.GatewayException;

import java.io.IOException;

/** Applies {@code max_body_size} to a body: at once when its length is declared, else while it is read. */
public final class BodyLimit {

    private BodyLimit() {
    }

    /**
     * Returns a body that cannot yield more than {@code limit} bytes.
     *
     * @throws GatewayException 413 at once when the declared length is already over the limit
     */
    public static Body apply(Body body, long limit) {
        if (body.length() > limit) {
            body.discard();
            throw LimitedInputStream.problem(limit);
        }
        if (body.isBuffered()) {
            return body;
        }
        return Body.stream(new LimitedInputStream(body.open(), limit), body.length());
    }

    static GatewayException tooLarge(long limit) {
        return LimitedInputStream.problem(limit);
    }

    /**
     * The gateway problem hidden in an I/O failure (a limit hit while a library read the body),
     * or null if the failure is a plain I/O error.
     */
    public static GatewayException unwrap(Throwable failure) {
        return Causes.find(failure, GatewayException.class).orElse(null);
    }

    /** Reads a body whole, within the limit. */
    public static byte[] read(Body body, long limit) {
        Body limited = apply(body, limit);
        try (var in = limited.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            GatewayException problem = unwrap(e);
            if (problem != null) {
                throw problem;
            }
            throw new GatewayException(org.harmonyee.core.error.ProblemType.MALFORMED_REQUEST,
                    "the request body could not be read: " + e.getMessage(), e);
        }
    }
}
