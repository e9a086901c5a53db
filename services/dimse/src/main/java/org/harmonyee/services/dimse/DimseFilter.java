package org.harmonyee.services.dimse;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.dicom.net.dimse.Status;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Middleware type {@code dimse_filter}: lets through only the DIMSE requests a pipeline means to
 * serve, by calling AE title ({@code allow_calling_aets}), operation ({@code operations}) and
 * query/retrieve level ({@code levels}); an empty or absent list allows all. Anything else is
 * refused before the backend is called: DIMSE status C000 with an ErrorComment that names the
 * middleware and says why, short enough for the comment's 64 characters (403
 * for an HTTP caller of the same pipeline). Requests from HTTP doors pass untouched: they have no
 * AE titles.
 */
public final class DimseFilter implements Middleware {

    public static final String TYPE = "dimse_filter";

    private static final Set<String> OPERATIONS = Set.of(DimseRequests.C_ECHO, DimseRequests.C_FIND,
            DimseRequests.C_GET, DimseRequests.C_MOVE, DimseRequests.C_STORE);
    private static final Set<String> LEVELS = Set.of(Identifiers.PATIENT, Identifiers.STUDY, Identifiers.SERIES,
            Identifiers.IMAGE);
    private static final String LEVEL_TAG = "00080052";

    private final String name;
    private final Set<String> callers;
    private final Set<String> operations;
    private final Set<String> levels;

    DimseFilter(String name, Set<String> callers, Set<String> operations, Set<String> levels) {
        this.name = name;
        this.callers = Set.copyOf(callers);
        this.operations = Set.copyOf(operations);
        this.levels = Set.copyOf(levels);
    }

    public static DimseFilter create(ComponentConfig config, Options options, BuildContext context) {
        Set<String> callers = new LinkedHashSet<>();
        for (String caller : options.strings("allow_calling_aets")) {
            if (AeTitles.isValid(caller)) {
                callers.add(caller.strip());
            } else {
                options.problem("allow_calling_aets", "expected AE titles of 1-16 characters, got '" + caller + "'");
            }
        }
        Set<String> operations = upperCase(options, "operations", OPERATIONS);
        Set<String> levels = upperCase(options, "levels", LEVELS);
        return new DimseFilter(config.name(), callers, operations, levels);
    }

    private static Set<String> upperCase(Options options, String key, Set<String> allowed) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : options.strings(key)) {
            String upper = value.strip().toUpperCase(Locale.ROOT);
            if (allowed.contains(upper)) {
                values.add(upper);
            } else {
                options.problem(key, "'" + value + "' is not one of " + new TreeSet<>(allowed));
            }
        }
        return values;
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        if (!DimseRequests.isDimse(request)) {
            return next.proceed(request);
        }
        String caller = request.metadata().getOrDefault(DimseRequests.CALLING_AET, "");
        if (!callers.isEmpty() && !callers.contains(caller)) {
            throw refused("calling AE " + caller + " not allowed");
        }
        if (!operations.isEmpty() && !operations.contains(request.method())) {
            throw refused(request.method() + " not allowed");
        }
        if (!levels.isEmpty() && request.normalized().isPresent()) {
            String level = request.normalized().get().path(LEVEL_TAG).path("Value").path(0).asText("").strip();
            if (!level.isEmpty() && !levels.contains(level.toUpperCase(Locale.ROOT))) {
                throw refused("level " + level + " not allowed");
            }
        }
        return next.proceed(request);
    }

    private GatewayException refused(String why) {
        return new GatewayException(ProblemType.FORBIDDEN, name + ": " + why)
                .withDimseStatus(Status.UNABLE_TO_PROCESS);
    }
}
