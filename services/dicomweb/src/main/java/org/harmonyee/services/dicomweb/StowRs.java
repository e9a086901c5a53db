package org.harmonyee.services.dicomweb;

import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.content.MultipartInput;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.services.dimse.DimseRequests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * STOW-RS (PS3.18 10.5), Store Instances: a {@code multipart/related; type="application/dicom"}
 * body, each part one PS3.10 instance, sent on as one C-STORE per part while the part is read (the
 * request body is never held), or a {@code type="application/dicom+json"} body of metadata and bulk
 * data, spooled, then sent as one C-STORE per data set ({@link StowJsonUpload}), and answered with the Store Instances Response
 * ({@link StoreInstancesResponse}). Under {@code /studies/{study}}, an instance of another study is
 * not stored (FailureReason A900).
 *
 * <p>A PACS that refuses an instance (a DIMSE failure status) fails that instance with the PACS's
 * status as FailureReason. A PACS that cannot be reached fails the whole request with the
 * backend's problem (502, 503, 504) while nothing has been stored yet; afterwards it fails the
 * instance (0110, processing failure) and the next ones are tried.
 */
final class StowRs {

    private static final System.Logger LOG = System.getLogger(StowRs.class.getName());
    /** PS3.18: the data set does not match the request (its Study Instance UID is not the path's). */
    private static final int STUDY_MISMATCH = 0xA900;

    private final Path spool;

    /** @param spool where the bulk data and instances of a DICOM JSON upload are kept while it is stored */
    StowRs(Path spool) {
        this.spool = spool;
    }

    /**
     * @param study the Study Instance UID of the path, or null for {@code POST /studies}
     * @throws GatewayException 415 for another Content-Type, 400 for a body without a boundary or a
     *         broken multipart body, 406 for an Accept without DICOM JSON
     */
    ResponseEnvelope storeInstances(RequestEnvelope request, String study, Chain next) {
        AcceptHeader.requireDicomJson(request, "STOW-RS");
        String bodyType = type(request);
        Upload upload = new Upload(request, study, next, new MultipartInput(request.body().open(), boundary(request)),
                new StoreInstancesResponse(PublicBaseUrl.of(request)));
        if (bodyType.equals(StowJsonUpload.DICOM_JSON)) {
            return storeDicomJson(upload, study);
        }
        int number = 0;
        for (Optional<MultipartInput.Part> part = upload.parts.next(); part.isPresent(); part = upload.parts.next()) {
            number++;
            String type = part.get().headers().getOrDefault("content-type", DimseRequests.APPLICATION_DICOM);
            if (!MediaTypes.essence(type).equals(DimseRequests.APPLICATION_DICOM)) {
                throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "part " + number + " is " + type
                        + "; STOW-RS of type=\"application/dicom\" takes application/dicom parts only");
            }
            upload.store(part.get().content(), number);
        }
        if (upload.answer.isEmpty()) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "the multipart body holds no instance");
        }
        return upload.answer.response(study);
    }

    /**
     * DICOM JSON with bulk data ({@link StowJsonUpload}): the whole body read and spooled first, so that
     * a BulkDataURI without its part is 400 before anything is stored; then one C-STORE per data set.
     */
    private ResponseEnvelope storeDicomJson(Upload upload, String study) {
        try (StowJsonUpload instances = StowJsonUpload.read(upload.parts, spool)) {
            int number = 0;
            for (Iterator<InputStream> it = instances.instances(); it.hasNext(); ) {
                try (InputStream instance = it.next()) {
                    upload.store(instance, ++number);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return upload.answer.response(study);
    }

    /** The {@code type} of a {@code multipart/related} body: {@code application/dicom} or {@code application/dicom+json}. */
    private static String type(RequestEnvelope request) {
        String contentType = request.headers().first("Content-Type").orElse("");
        String type = MediaTypes.parameter(contentType, "type").map(MediaTypes::essence).orElse("");
        if (!MediaTypes.essence(contentType).equals("multipart/related") || !(type.equals(DimseRequests.APPLICATION_DICOM)
                || type.equals(StowJsonUpload.DICOM_JSON))) {
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "STOW-RS takes multipart/related;"
                    + " type=\"application/dicom\" or type=\"application/dicom+json\", got '" + contentType + "'");
        }
        return type;
    }

    /** The boundary of the {@code multipart/related} body. */
    private static String boundary(RequestEnvelope request) {
        String contentType = request.headers().first("Content-Type").orElse("");
        return MediaTypes.parameter(contentType, "boundary").filter(boundary -> !boundary.isBlank())
                .orElseThrow(() -> new GatewayException(ProblemType.MALFORMED_REQUEST,
                        "the multipart/related body has no boundary parameter"));
    }

    /** One STOW-RS request on its way: its parts, the pipeline after the bridge, the answer so far. */
    private record Upload(RequestEnvelope request, String study, Chain next, MultipartInput parts,
                          StoreInstancesResponse answer) {

        void store(InputStream content, int number) {
            StowInstance instance;
            try {
                instance = StowInstance.read(content);
            } catch (IOException e) {
                throwIfBroken();
                LOG.log(Level.INFO, () -> request.exchangeId() + ": STOW-RS part " + number
                        + " is not a PS3.10 instance: " + e.getMessage());
                answer.failed(null, null, Status.CANNOT_UNDERSTAND);
                return;
            }
            if (study != null && !study.equals(instance.studyUid())) {
                LOG.log(Level.INFO, () -> request.exchangeId() + ": STOW-RS instance " + instance.sopInstanceUid()
                        + " is of study " + instance.studyUid() + ", not " + study + "; not stored");
                answer.failed(instance.sopClassUid(), instance.sopInstanceUid(), STUDY_MISMATCH);
                return;
            }
            try {
                ResponseEnvelope stored = next.proceed(DimseEnvelope.store(request, instance.sopClassUid(),
                        instance.part10()));
                answer.stored(instance, Integer.parseInt(stored.metadata().getOrDefault(DimseRequests.STATUS, "0000"), 16));
            } catch (GatewayException e) {
                throwIfBroken();
                boolean refused = e.getCause() instanceof DimseException;
                if (!refused && !answer.anyStored()) {
                    throw e;
                }
                LOG.log(Level.INFO, () -> request.exchangeId() + ": STOW-RS instance " + instance.sopInstanceUid()
                        + " not stored: " + e.detail());
                answer.failed(instance.sopClassUid(), instance.sopInstanceUid(),
                        refused ? e.dimseStatus() : Status.PROCESSING_FAILURE);
            }
        }

        /** A request body that broke mid-part fails the request (400): nothing after it can be read. */
        private void throwIfBroken() {
            parts.failure().ifPresent(failure -> {
                throw failure;
            });
        }
    }
}
