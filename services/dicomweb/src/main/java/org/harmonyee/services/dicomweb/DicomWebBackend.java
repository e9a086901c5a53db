package org.harmonyee.services.dicomweb;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.services.dimse.DimseRequests;
import org.harmonyee.services.http.HttpBackend;
import org.harmonyee.services.http.UpstreamOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Service {@code dicomweb} as a backend: the pipeline's DICOMweb requests passed to a DICOMweb
 * server ({@code base_url}, or one of {@code targets}) over the {@code http} backend's pooled
 * client, bodies streamed both ways (a STOW-RS upload as the caller sends it, a WADO-RS answer part
 * by part as the server sends it, untouched). What the server names by URL in its answers
 * (BulkDataURI, Retrieve URL, Location) is put below the gateway's own base
 * ({@link UpstreamUris}), rewritten while the answer streams; a search's matches pass one by one as
 * results, so response middleware sees each. The caller's credentials and cookies are the
 * gateway's, and are not passed on.
 *
 * <p>The routes ({@link DicomWebRoute}) are those of the {@code dicomweb} endpoint: anything below
 * {@code /studies}, {@code /series} and {@code /instances} with GET and HEAD (sent as GET, the body
 * dropped), POST to {@code /studies[/{study}]}, OPTIONS answered here. Searches, metadata and
 * stores ask the server for DICOM JSON (406 for a caller who takes none). A server's error is the
 * caller's problem with its status (400, 404, 406, 409, 413, 415, 501); 503 and 504 stay, any other
 * failure, and a server refusing the gateway's access (401, 403), is 502.
 */
public final class DicomWebBackend extends HttpBackend {

    public static final String SERVICE = "dicomweb";
    private static final List<String> CALLER_CREDENTIALS = List.of("Authorization", "Cookie", "Proxy-Authorization");

    private final UpstreamUris uris;

    DicomWebBackend(String name, TargetPool pool, UpstreamOptions upstream, BuildContext context) {
        super(name, pool, upstream, context);
        this.uris = new UpstreamUris(pool.targets().stream().map(Target::url).toList());
    }

    public static DicomWebBackend create(ComponentConfig config, Options options, BuildContext context) {
        return new DicomWebBackend(config.name(), pool(config, options, context), UpstreamOptions.read(options), context);
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        if (DimseRequests.PROTOCOL.equals(request.metadata().get(MetadataKeys.PROTOCOL))) {
            throw new GatewayException(ProblemType.CONFIGURATION, "backend '" + name() + "' is a DICOMweb server;"
                    + " it takes DICOMweb requests, not the DIMSE operation " + request.method()
                    + " (drop dicomweb_bridge from the pipeline, or use a dicom backend)");
        }
        DicomWebRoute route = DicomWebRoute.of(request);
        if (request.method().equals("OPTIONS")) {
            return new ResponseEnvelope(200, new Headers().set("Allow", route.allow()), Body.empty());
        }
        route.requireMethod(request.method());
        List<String> acceptParameter = request.query().get(QidoQuery.ACCEPT);
        if (acceptParameter != null) {
            request.headers().set("Accept", String.join(", ", acceptParameter));
        }
        if (route.answersDicomJson(request.method())) {
            AcceptHeader.requireDicomJson(request, route.transaction(request.method()));
            request.headers().set("Accept", AcceptHeader.DICOM_JSON);
        }
        CALLER_CREDENTIALS.forEach(request.headers()::remove);
        request.headers().remove("Accept-Encoding");
        boolean head = request.method().equals("HEAD");
        ResponseEnvelope answer = super.invoke(head ? asGet(request) : request);
        ResponseEnvelope response = answer(request, route, answer);
        if (head) {
            response.results().ifPresent(results -> {
                results.close();
                response.results(null);
            });
            response.body().discard();
            response.body(Body.empty());
        }
        return response;
    }

    /** The server's answer as the caller's: URLs rewritten, a search's matches as results, errors as problems. */
    private ResponseEnvelope answer(RequestEnvelope request, DicomWebRoute route, ResponseEnvelope answer) {
        int status = answer.status();
        String type = answer.contentType().map(MediaTypes::essence).orElse("");
        boolean dicomJson = type.equals(AcceptHeader.DICOM_JSON)
                || (status < 300 && type.equals("application/json"));
        if (status >= 500 || status == 401 || status == 403 || status == 407 || (status >= 400 && !dicomJson)) {
            answer.body().discard();
            throw failure(request, answer);
        }
        String gatewayBase = PublicBaseUrl.of(request);
        DicomJsonUris rewriter = new DicomJsonUris(uris, gatewayBase);
        for (String header : List.of("Location", "Content-Location")) {
            answer.headers().first(header).ifPresent(url -> answer.headers().set(header, uris.rewrite(url, gatewayBase)));
        }
        if (!dicomJson || answer.body().length() == 0) {
            return answer;
        }
        answer.headers().remove("Content-Length");
        if (route.isSearch() && !request.method().equals("POST")) {
            return ResponseEnvelope.streaming(status, answer.headers(),
                    UpstreamMatches.of(answer.body().open(), rewriter, name()));
        }
        try {
            answer.body(Body.stream(new RewrittenJsonStream(answer.body().open(), rewriter), -1));
        } catch (IOException e) {
            throw new UncheckedIOException("a parser over a stream reads nothing when it is made", e);
        }
        return answer;
    }

    /** The caller's problem for a server's error status. */
    private GatewayException failure(RequestEnvelope request, ResponseEnvelope answer) {
        int status = answer.status();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 404, 410 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 501 -> ProblemType.NOT_IMPLEMENTED;
            case 503 -> ProblemType.BACKEND_UNAVAILABLE;
            case 504 -> ProblemType.BACKEND_TIMEOUT;
            default -> ProblemType.BACKEND_UNREACHABLE;
        };
        String detail = "the DICOMweb server of backend '" + name() + "' answered " + status + " to "
                + request.method() + " " + request.path()
                + (status == 401 || status == 403 || status == 407 ? ": it refuses the gateway's access" : "");
        GatewayException failure = new GatewayException(type, detail);
        for (String header : List.of("Retry-After", "Allow")) {
            answer.headers().first(header).ifPresent(value -> failure.withHeader(header, value));
        }
        return failure;
    }

    /** The same request as a GET: DICOMweb servers need not answer HEAD. */
    private static RequestEnvelope asGet(RequestEnvelope request) {
        RequestEnvelope get = RequestEnvelope.builder(request.exchangeId(), "GET", request.fullPath())
                .path(request.path()).rawQuery(request.rawQuery()).headers(request.headers()).body(Body.empty()).build();
        get.metadata().putAll(request.metadata());
        return get;
    }
}
