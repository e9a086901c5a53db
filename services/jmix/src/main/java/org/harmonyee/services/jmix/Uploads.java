package org.harmonyee.services.jmix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.harmonyee.core.content.BodyLimit;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.services.jmix.format.PackageRefusedException;
import org.harmonyee.services.jmix.format.UploadValidator;
import org.harmonyee.services.jmix.format.ValidatedPackage;
import org.harmonyee.services.jmix.store.PackageStore;
import org.harmonyee.services.jmix.store.StoredPackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * {@code POST /api/jmix}: a zip streamed to a temporary file in the store, checked whole
 * ({@link UploadValidator}), then moved into place and indexed: 201 {@code {id, status}}. A body
 * that is no zip is 415, a package that fails a check 400 with the reason, an id already stored
 * 409, a body over {@code max_upload_bytes} 413; none of them leaves anything in the store.
 */
final class Uploads {

    private static final System.Logger LOG = System.getLogger(Uploads.class.getName());
    private static final Set<String> ZIP_TYPES = Set.of(PackageAnswers.APPLICATION_ZIP, "application/x-zip-compressed");

    private final UploadValidator validator;
    private final long maxUploadBytes;

    Uploads(UploadValidator validator, long maxUploadBytes) {
        this.validator = validator;
        this.maxUploadBytes = maxUploadBytes;
    }

    ResponseEnvelope upload(RequestEnvelope request, PackageStore store) {
        String type = request.contentType().map(MediaTypes::essence).orElse("");
        if (!ZIP_TYPES.contains(type)) {
            request.body().discard();
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "a JMIX upload is an application/zip body,"
                    + " got '" + (type.isEmpty() ? "no Content-Type" : type) + "'");
        }
        Path temporary = null;
        try {
            temporary = store.temporary();
            try (InputStream in = BodyLimit.apply(request.body(), maxUploadBytes).open()) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            ValidatedPackage valid = validator.validate(temporary);
            StoredPackage stored = store.commit(temporary, valid.id(), valid.studyInstanceUid());
            LOG.log(System.Logger.Level.INFO, request.exchangeId() + " JMIX package " + stored.id() + " uploaded: "
                    + stored.sizeBytes() + " bytes");
            ResponseEnvelope created = ResponseEnvelope.json(201, JsonNodeFactory.instance.objectNode()
                    .put("id", stored.id()).put("status", "stored"));
            created.headers().set("Location", request.fullPath().replaceAll("/+$", "") + "/" + stored.id());
            return created;
        } catch (PackageRefusedException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "JMIX package refused: " + e.getMessage());
        } catch (FileAlreadyExistsException e) {
            throw new GatewayException(ProblemType.CONFLICT, "a JMIX package with this id is already stored");
        } catch (IOException e) {
            GatewayException limit = BodyLimit.unwrap(e);
            throw limit != null ? limit : new GatewayException(ProblemType.INTERNAL, "the upload cannot be stored in "
                    + store.directory() + ": " + e.getMessage(), e);
        } finally {
            store.discard(temporary);
        }
    }
}
