package org.harmonyee.services.dimse;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service {@code dicom} (alias {@code dicom_scp}) as an endpoint: the DIMSE entry of a pipeline on
 * its network's DICOM listener ({@code [network.N.dicom]}). It is selected by the called AE title,
 * {@code local_aet}, or the listener's {@code aet} when it names none; it serves the operations its
 * {@code enable_echo|find|get|move|store} options allow (all by default). It refuses callers outside
 * {@code accept_calling_aets} when that list is set, knows the {@code move_destinations} a C-MOVE may
 * name, and renders a failure as the DIMSE status and ErrorComment the DICOM door sends.
 */
public final class DicomEndpoint implements Endpoint {

    public static final String SERVICE = "dicom";
    public static final String SCP_SERVICE = "dicom_scp";

    /** PS3.7: an ErrorComment is an LO, at most 64 characters. */
    private static final int ERROR_COMMENT_LENGTH = 64;

    private final String name;
    private final String service;
    private final RouteSpec route;
    private final Set<String> acceptedCallers;
    private final Map<String, MoveDestination> moveDestinations;

    DicomEndpoint(String name, String service, RouteSpec route, Set<String> acceptedCallers,
                  Map<String, MoveDestination> moveDestinations) {
        this.name = name;
        this.service = service;
        this.route = route;
        this.acceptedCallers = Set.copyOf(acceptedCallers);
        this.moveDestinations = Map.copyOf(moveDestinations);
    }

    public static DicomEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        String localAet = AeTitles.optional(options, "local_aet").orElse(null);
        Set<String> operations = new LinkedHashSet<>();
        for (String operation : List.of(DimseRequests.C_ECHO, DimseRequests.C_FIND, DimseRequests.C_GET,
                DimseRequests.C_MOVE, DimseRequests.C_STORE)) {
            String key = "enable_" + operation.substring(2).toLowerCase(Locale.ROOT);
            if (options.bool(key, true)) {
                operations.add(operation);
            }
        }
        if (operations.isEmpty()) {
            options.problem("enable_echo", "every operation is disabled: the endpoint would refuse everything");
        }
        Set<String> callers = new LinkedHashSet<>();
        for (String caller : options.strings("accept_calling_aets")) {
            if (AeTitles.isValid(caller)) {
                callers.add(caller.strip());
            } else {
                options.problem("accept_calling_aets", "expected AE titles of 1-16 characters, got '" + caller + "'");
            }
        }
        return new DicomEndpoint(config.name(), config.type(), RouteSpec.dicom(localAet, operations), callers,
                MoveDestination.read(options, "move_destinations"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public List<RouteSpec> routes() {
        return List.of(route);
    }

    /** Whether a caller with this AE title may use the endpoint (every caller, without accept_calling_aets). */
    public boolean acceptsCaller(String callingAeTitle) {
        return acceptedCallers.isEmpty() || acceptedCallers.contains(callingAeTitle.strip());
    }

    /** The destination a C-MOVE names, if the gateway knows it. */
    public Optional<MoveDestination> moveDestination(String aeTitle) {
        return Optional.ofNullable(moveDestinations.get(aeTitle.strip()));
    }

    /** Refuses, per request too, a caller the association should not have admitted. */
    @Override
    public void prepare(RequestEnvelope request) {
        String caller = request.metadata().getOrDefault(DimseRequests.CALLING_AET, "");
        if (!acceptsCaller(caller)) {
            throw new GatewayException(ProblemType.FORBIDDEN, "calling AE title '" + caller
                    + "' is not accepted by endpoint '" + name + "'");
        }
    }

    /** A failure as the DICOM door answers it: the DIMSE status and an ErrorComment in the metadata. */
    @Override
    public ResponseEnvelope renderFailure(GatewayException failure, RequestEnvelope request) {
        ResponseEnvelope response = ResponseEnvelope.of(failure.type().httpStatus());
        response.metadata().put(DimseRequests.STATUS, String.format("%04X", failure.dimseStatus()));
        String detail = failure.detail() == null ? failure.type().title() : failure.detail();
        response.metadata().put(DimseRequests.ERROR_COMMENT, detail.length() <= ERROR_COMMENT_LENGTH ? detail
                : detail.substring(0, ERROR_COMMENT_LENGTH));
        return response;
    }
}
