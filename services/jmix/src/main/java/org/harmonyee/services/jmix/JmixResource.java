package org.harmonyee.services.jmix;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path below the endpoint's prefix as a JMIX resource (the Rust Harmony's routes):
 * {@code /api/jmix} (the collection: study query, upload), {@code /api/jmix/{id}} (a package) and
 * {@code /api/jmix/{id}/manifest}. Anything else, and an id that is no UUID, is 404.
 */
record JmixResource(Kind kind, String id) {

    enum Kind { COLLECTION, PACKAGE, MANIFEST }

    private static final Pattern PATH = Pattern.compile(
            "/api/jmix/?|/api/jmix/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/manifest)?/?");

    static JmixResource of(String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new GatewayException(ProblemType.NOT_FOUND, "no JMIX resource at " + path
                    + "; the routes are /api/jmix, /api/jmix/{id} and /api/jmix/{id}/manifest");
        }
        if (matcher.group(1) == null) {
            return new JmixResource(Kind.COLLECTION, null);
        }
        String id = matcher.group(1).toLowerCase(Locale.ROOT);
        return new JmixResource(matcher.group(2) == null ? Kind.PACKAGE : Kind.MANIFEST, id);
    }
}
