package org.harmonyee.services.jmix;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.services.dimse.DimseRequests;
import org.harmonyee.services.jmix.format.BuildOptions;
import org.harmonyee.services.jmix.format.PackageSummary;
import org.harmonyee.services.jmix.format.PackageWriter;
import org.harmonyee.services.jmix.format.UnreadableInstanceException;
import org.harmonyee.services.jmix.store.PackageStore;
import org.harmonyee.services.jmix.store.StoredPackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the package of a study through the pipeline's {@code dicom} backend: one study-level
 * C-GET whose instances go into the zip as its C-STORE sub-operations arrive. Requests for a study
 * whose build is running wait for that build and get its package: one C-GET per study at a time.
 * A failed build leaves nothing in the store (its temporary file is deleted).
 */
final class StudyBuilds {

    private static final System.Logger LOG = System.getLogger(StudyBuilds.class.getName());

    private final Map<String, CompletableFuture<StoredPackage>> running = new ConcurrentHashMap<>();
    private final Clock clock;

    StudyBuilds(Clock clock) {
        this.clock = clock;
    }

    /**
     * The study's package: built now, or by the build already running.
     *
     * @throws GatewayException 404 when the PACS has no instance of the study; the backend's
     *                          502/503/504 when the PACS fails; 500 when the store cannot be written
     */
    StoredPackage packageOf(String studyInstanceUid, PackageStore store, BuildOptions options,
                            RequestEnvelope request, Chain next) {
        String key = store.directory() + "|" + studyInstanceUid;
        CompletableFuture<StoredPackage> mine = new CompletableFuture<>();
        CompletableFuture<StoredPackage> running = this.running.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Optional<StoredPackage> meanwhile = store.byStudy(studyInstanceUid);
            StoredPackage built = meanwhile.isPresent() ? meanwhile.get()
                    : build(studyInstanceUid, store, options, request, next);
            mine.complete(built);
            return built;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            this.running.remove(key, mine);
        }
    }

    private static StoredPackage await(CompletableFuture<StoredPackage> build) {
        try {
            return build.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof GatewayException failure) {
                throw new GatewayException(failure.type(), failure.detail(), failure);
            }
            throw e;
        }
    }

    /**
     * A package holds the whole study or is not stored: a C-GET whose final status is not Success
     * (sub-operations failed, or the PACS could not perform them) is the PACS's failure.
     */
    private static void requireWholeStudy(ResponseEnvelope answer, int received, String studyInstanceUid) {
        String status = answer.metadata().getOrDefault(DimseRequests.STATUS, "0000");
        if (!status.equals("0000")) {
            String comment = answer.metadata().get(DimseRequests.ERROR_COMMENT);
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the PACS ended the C-GET of study "
                    + studyInstanceUid + " with status " + status + " after " + received + " instances ("
                    + answer.metadata().getOrDefault(DimseRequests.FAILED, "0") + " failed"
                    + (comment == null ? "" : ", " + comment) + "); no package was stored");
        }
    }

    private StoredPackage build(String studyInstanceUid, PackageStore store, BuildOptions options,
                                RequestEnvelope request, Chain next) {
        long started = System.nanoTime();
        ResponseEnvelope answer = next.proceed(CGetRequest.ofStudy(request, studyInstanceUid));
        ResultStream instances = answer.results().orElseThrow(() -> new GatewayException(ProblemType.CONFIGURATION,
                "the pipeline's backend answered the C-GET with status " + answer.status() + " and no instances;"
                        + " jmix_builder needs a dicom backend behind it"));
        Path temporary = null;
        try (instances) {
            temporary = store.temporary();
            PackageSummary summary = write(answer, instances, temporary, options, studyInstanceUid);
            StoredPackage stored = store.commit(temporary, summary.id(), studyInstanceUid);
            LOG.log(System.Logger.Level.INFO, request.exchangeId() + " JMIX package " + stored.id() + " built: "
                    + summary.instances() + " instances, " + stored.sizeBytes() + " bytes, "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return stored;
        } catch (UnreadableInstanceException e) {
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the PACS sent an instance of study "
                    + studyInstanceUid + " that cannot be packaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.INTERNAL, "the package of study " + studyInstanceUid
                    + " cannot be written to " + store.directory() + ": " + e.getMessage(), e);
        } finally {
            store.discard(temporary);
        }
    }

    private PackageSummary write(ResponseEnvelope answer, ResultStream instances, Path temporary, BuildOptions options,
                                 String studyInstanceUid) throws IOException {
        try (OutputStream out = Files.newOutputStream(temporary);
             PackageWriter writer = new PackageWriter(out, options, clock)) {
            for (Optional<Result> part = instances.next(); part.isPresent(); part = instances.next()) {
                try (InputStream in = part.get().body().open()) {
                    writer.addInstance(in);
                }
            }
            requireWholeStudy(answer, writer.instances(), studyInstanceUid);
            if (writer.instances() == 0) {
                throw new GatewayException(ProblemType.NOT_FOUND, "the PACS has no instances of study " + studyInstanceUid);
            }
            return writer.finish();
        }
    }
}
