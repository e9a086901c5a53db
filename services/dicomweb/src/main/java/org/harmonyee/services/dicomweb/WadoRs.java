package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.services.dimse.DimseRequests;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * WADO-RS (PS3.18 10.4) of a study, series or instance: one C-GET (or one per series or instance,
 * as {@link FetchLevel} says), whose instances go to the caller
 * part by part as the PACS's C-STORE sub-operations arrive, as PS3.10 instances
 * ({@code retrieveStudy} and its siblings) or as their metadata in DICOM JSON
 * ({@code retrieveStudyMetadata} ...). Nothing retrieved is 404.
 */
final class WadoRs {

    private final Path spool;
    private final FetchLevel fetchLevel;
    private final NativeTranscoding transcoding;

    /**
     * @param spool       where an instance whose frames are asked is kept while they are sent
     * @param fetchLevel  the largest unit one C-GET retrieves
     * @param transcoding the native syntaxes an instance may be transcoded to
     */
    WadoRs(Path spool, FetchLevel fetchLevel, NativeTranscoding transcoding) {
        this.spool = spool;
        this.fetchLevel = fetchLevel;
        this.transcoding = transcoding;
    }

    ResponseEnvelope retrieveInstances(RequestEnvelope request, DicomWebResource resource, Chain next) {
        AcceptHeader.TransferSyntaxes accepted = AcceptHeader.transferSyntaxes(request);
        String boundary = "harmony-" + UUID.randomUUID();
        ResultStream parts = retrieve(request, resource, next, fetchLevel, part -> instance(part, accepted));
        return ResponseEnvelope.streaming(200, new Headers().set("Content-Type", "multipart/related; type=\""
                + DimseRequests.APPLICATION_DICOM + "\"; boundary=" + boundary), parts);
    }

    ResponseEnvelope retrieveMetadata(RequestEnvelope request, DicomWebResource resource, Chain next) {
        AcceptHeader.requireDicomJson(request, "WADO-RS metadata");
        String baseUrl = PublicBaseUrl.of(request);
        ResultStream metadata = retrieve(request, resource, next, fetchLevel, part -> Result.json(InstanceMetadata.of(part, baseUrl)));
        return ResponseEnvelope.streaming(200, new Headers().set("Content-Type", AcceptHeader.DICOM_JSON), metadata);
    }

    /**
     * {@code /frames/{list}} or {@code /bulkdata/7FE00010} (every frame): the instance retrieved, its
     * frames answered as {@code multipart/related} parts in the order asked, each named by its media
     * type and transfer syntax.
     */
    ResponseEnvelope retrievePixelData(RequestEnvelope request, DicomWebResource resource, Chain next) {
        ResultStream retrieved = retrieve(request, resource, next, fetchLevel, UnaryOperator.identity());
        PixelDataFrames frames;
        try (retrieved) {
            frames = PixelDataFrames.of(retrieved.next().orElseThrow(), spool);
        }
        try {
            String mediaType = PixelDataFrames.mediaType(frames.transferSyntaxUid());
            String syntax = AcceptHeader.frameSyntax(request, mediaType, transcoding.frameSyntaxes(frames.transferSyntaxUid()));
            List<Integer> numbers = resource.frames().isEmpty() ? frames.all() : resource.frames();
            numbers.stream().filter(n -> n > frames.all().size()).findFirst().ifPresent(frames::frame);
            Iterator<Integer> pending = numbers.iterator();
            String boundary = "harmony-" + UUID.randomUUID();
            ResultStream parts = ResultStream.of(new ResultStream.Source() {
                @Override
                public Optional<Result> next() {
                    return pending.hasNext() ? Optional.of(frames.frame(pending.next(), syntax)) : Optional.empty();
                }

                @Override
                public void close() {
                    frames.close();
                }
            });
            return ResponseEnvelope.streaming(200, new Headers().set("Content-Type", "multipart/related; type=\""
                    + mediaType + "\"; boundary=" + boundary), parts);
        } catch (GatewayException e) {
            frames.close();
            throw e;
        }
    }

    /** The resource's instances, converted as they pass; 404 when the PACS has none. */
    static ResultStream retrieve(RequestEnvelope request, DicomWebResource resource, Chain next, FetchLevel fetchLevel,
                                 UnaryOperator<Result> convert) {
        ResultStream parts = fetchLevel.retrieve(request, resource, next);
        return new BridgedResults(parts, 0, Long.MAX_VALUE, convert).start().orElseThrow(() -> new GatewayException(
                ProblemType.NOT_FOUND, "the PACS has no instances of " + resource.retrievePath()));
    }

    /**
     * A C-GET part as a WADO-RS part: the instance in its stored transfer syntax, named in the part's
     * Content-Type, or transcoded to a native syntax the caller asks for ({@link NativeTranscoding});
     * an instance in a syntax the caller did not accept and that cannot be transcoded is 406.
     */
    private Result instance(Result part, AcceptHeader.TransferSyntaxes accepted) {
        String syntax = part.headers().first(DimseRequests.TRANSFER_SYNTAX_UID_HEADER).orElse("");
        if (!accepted.accepts(syntax)) {
            Optional<String> target = transcoding.target(syntax, accepted);
            if (target.isPresent()) {
                return Result.part(new Headers().set("Content-Type", DimseRequests.APPLICATION_DICOM
                        + "; transfer-syntax=" + target.get()), transcoding.transcode(part, target.get()));
            }
            part.body().discard();
            throw new GatewayException(ProblemType.NOT_ACCEPTABLE, "instance "
                    + part.headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElse("?") + " is stored in "
                    + syntax + ", the gateway does not transcode it to " + String.join(" or ", accepted.uids()));
        }
        return Result.part(new Headers().set("Content-Type", DimseRequests.APPLICATION_DICOM + "; transfer-syntax="
                + syntax), part.body());
    }
}
