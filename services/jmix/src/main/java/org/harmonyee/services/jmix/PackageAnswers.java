package org.harmonyee.services.jmix;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.services.jmix.format.PackageContents;
import org.harmonyee.services.jmix.format.TarGzPackage;
import org.harmonyee.services.jmix.store.StoredPackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * The answers that carry a stored package: the package itself, streamed from the store (HEAD
 * gets the headers only), and its manifest. Two representations of the same files: the stored zip
 * ({@code application/zip}, the default) and a tar.gz made from it while it is sent
 * ({@code application/gzip}), chosen by {@code Accept} ({@link PackageFormat#negotiate}).
 */
final class PackageAnswers {

    static final String APPLICATION_ZIP = PackageFormat.ZIP.mediaType();

    private PackageAnswers() {
    }

    /**
     * The representation the request accepts.
     *
     * @throws GatewayException 406 when {@code Accept} allows neither
     */
    static PackageFormat requireAccepted(RequestEnvelope request) {
        String accept = String.join(",", request.headers().all("Accept"));
        return PackageFormat.negotiate(accept).orElseThrow(() -> new GatewayException(ProblemType.NOT_ACCEPTABLE,
                "a JMIX package is offered as " + PackageFormat.ZIP.mediaType() + " or " + PackageFormat.TAR_GZ.mediaType()
                        + " only; Accept was '" + accept + "'"));
    }

    static ResponseEnvelope content(RequestEnvelope request, StoredPackage stored) {
        PackageFormat format = requireAccepted(request);
        Headers headers = new Headers().set("Content-Type", format.mediaType())
                .set("Content-Disposition", "attachment; filename=\"" + stored.id() + format.extension() + "\"")
                .set("Vary", "Accept");
        if (format == PackageFormat.ZIP) {
            headers.set("Content-Length", String.valueOf(stored.sizeBytes()));
        }
        if (request.method().equals("HEAD")) {
            return new ResponseEnvelope(200, headers, Body.empty());
        }
        try {
            InputStream in = format == PackageFormat.ZIP ? Files.newInputStream(stored.file()) : TarGzPackage.open(stored.file());
            return new ResponseEnvelope(200, headers, Body.stream(in, format == PackageFormat.ZIP ? stored.sizeBytes() : -1));
        } catch (IOException e) {
            throw new GatewayException(ProblemType.NOT_FOUND, "JMIX package " + stored.id() + " is no longer stored", e);
        }
    }

    static ResponseEnvelope manifest(RequestEnvelope request, StoredPackage stored) {
        try {
            byte[] manifest = PackageContents.manifest(stored.file());
            Headers headers = new Headers().set("Content-Type", "application/json");
            return new ResponseEnvelope(200, headers, request.method().equals("HEAD") ? Body.empty() : Body.of(manifest));
        } catch (IOException e) {
            throw new GatewayException(ProblemType.NOT_FOUND, "the manifest of JMIX package " + stored.id()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }
}
