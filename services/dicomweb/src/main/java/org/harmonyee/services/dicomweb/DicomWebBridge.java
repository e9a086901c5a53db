package org.harmonyee.services.dicomweb;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.nio.file.Path;
import java.util.List;

/**
 * Middleware {@code dicomweb_bridge} (also {@code dicomweb}): the protocol bridge from DICOMweb to
 * DIMSE. It reads the resource from the path below the endpoint's prefix, answers OPTIONS itself,
 * and turns QIDO-RS searches into C-FIND, WADO-RS retrievals (rendered images and thumbnails too)
 * into C-GET and STOW-RS uploads
 * ({@code POST /studies[/{study}]}) into one C-STORE per instance, as envelopes for the rest
 * of the pipeline, whose backend is a {@code dicom} backend; their streamed answers become
 * DICOMweb answers as they pass. HEAD is answered as GET would be, without the body (and with the
 * backend's operation cancelled once the status is known). The query parameter {@code accept}
 * (PS3.18 8.3.3.1) stands for the Accept header.
 *
 * <p>Options: {@code default_limit} (the matches a search answers when it names no {@code limit},
 * 1000), {@code max_limit} (the most a search may ask, 10000; more is lowered with a Warning) and
 * {@code fetch_level} (the largest unit one C-GET retrieves: {@code study}, {@code series} or
 * {@code instance}; {@link FetchLevel}) and {@code transcode_to} (the native transfer syntaxes a
 * retrieved instance may be transcoded to; {@link NativeTranscoding}). How the backend retrieves (C-GET, C-MOVE, or C-GET
 * falling back to C-MOVE) is the {@code dicom} backend's {@code dimse_retrieve_mode}.
 */
public final class DicomWebBridge implements Middleware {

    public static final String TYPE = "dicomweb_bridge";
    public static final String ALIAS = "dicomweb";
    /** The warn-agent of the Warning headers this bridge writes (RFC 7234 5.5). */
    static final String WARNING_AGENT = "harmony-ee";

    private final QidoRs qido;
    private final WadoRs wado;
    private final RenderedRs rendered;
    private final StowRs stow;

    DicomWebBridge(QidoQuery.Limits limits, Path spool, FetchLevel fetchLevel, NativeTranscoding transcoding) {
        this.qido = new QidoRs(limits);
        this.wado = new WadoRs(spool, fetchLevel, transcoding);
        this.rendered = new RenderedRs(spool, fetchLevel);
        this.stow = new StowRs(spool);
    }

    public static DicomWebBridge create(ComponentConfig config, Options options, BuildContext context) {
        long maxLimit = options.integer("max_limit", 10_000, 1, Integer.MAX_VALUE);
        long defaultLimit = options.integer("default_limit", Math.min(1000, maxLimit), 1, Integer.MAX_VALUE);
        if (defaultLimit > maxLimit) {
            options.problem("default_limit", "must not exceed max_limit (" + maxLimit + "), got " + defaultLimit);
        }
        Path spool = context.storagePath().resolve("spool");
        return new DicomWebBridge(new QidoQuery.Limits(defaultLimit, maxLimit), spool, FetchLevel.read(options),
                NativeTranscoding.read(options, spool));
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        DicomWebResource resource = DicomWebResource.of(request.path());
        List<String> accept = request.query().get(QidoQuery.ACCEPT);
        if (accept != null) {
            request.headers().set("Accept", String.join(", ", accept));
        }
        String allow = resource.isStudies() ? DicomWebRoute.ALLOW_STORE : DicomWebRoute.ALLOW;
        ResponseEnvelope response = switch (request.method()) {
            case "OPTIONS" -> new ResponseEnvelope(200, new Headers().set("Allow", allow), Body.empty());
            case "GET", "HEAD" -> switch (resource.action()) {
                case SEARCH -> qido.searchForResources(request, resource, next);
                case RETRIEVE -> wado.retrieveInstances(request, resource, next);
                case METADATA -> wado.retrieveMetadata(request, resource, next);
                case PIXEL_DATA -> wado.retrievePixelData(request, resource, next);
                case RENDERED, THUMBNAIL -> rendered.retrieveRendered(request, resource, next);
            };
            case "POST" -> {
                if (!resource.isStudies()) {
                    throw notAllowed(request, allow);
                }
                yield stow.storeInstances(request, resource.study(), next);
            }
            default -> throw notAllowed(request, allow);
        };
        return request.method().equals("HEAD") ? withoutBody(response) : response;
    }

    private static GatewayException notAllowed(RequestEnvelope request, String allow) {
        return new GatewayException(ProblemType.METHOD_NOT_ALLOWED, request.method() + " is not a method of '"
                + request.path() + "'; allowed: " + allow).withHeader("Allow", allow);
    }

    /** The status and headers of a GET's answer; its results closed, which cancels the backend's operation. */
    private static ResponseEnvelope withoutBody(ResponseEnvelope response) {
        response.results().ifPresent(results -> {
            results.close();
            response.results(null);
        });
        return response;
    }
}
