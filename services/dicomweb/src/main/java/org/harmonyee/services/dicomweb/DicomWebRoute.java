package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.util.List;
import java.util.Set;

/**
 * A DICOMweb resource as the {@code dicomweb} backend passes it on: only its kind matters (the
 * server reads the rest). Every path below {@code /studies}, {@code /series} or {@code /instances}
 * is one (so the server's own bulk data, rendered and thumbnail URLs pass); a search ends in one of
 * those words, a metadata retrieval in {@code metadata}; {@code /studies} and
 * {@code /studies/{study}} also take STOW-RS.
 *
 * @param segments the path's segments below the endpoint's prefix
 */
record DicomWebRoute(List<String> segments) {

    private static final Set<String> ROOTS = Set.of("studies", "series", "instances");
    /** The methods of a DICOMweb resource, and of {@code /studies[/{study}]} (STOW-RS). */
    static final String ALLOW = "GET, HEAD, OPTIONS";
    static final String ALLOW_STORE = "GET, HEAD, OPTIONS, POST";

    /** @throws GatewayException 404 for a path outside the DICOMweb resources */
    static DicomWebRoute of(RequestEnvelope request) {
        String path = request.path() == null ? "" : request.path().replaceAll("^/+|/+$", "");
        List<String> segments = path.isEmpty() ? List.of() : List.of(path.split("/+"));
        if (segments.isEmpty() || !ROOTS.contains(segments.get(0))) {
            throw new GatewayException(ProblemType.NOT_FOUND, "'" + (path.isEmpty() ? "/" : request.path())
                    + "' is not a DICOMweb resource (they are below /studies, /series and /instances)");
        }
        return new DicomWebRoute(segments);
    }

    /** {@code /studies} or {@code /studies/{study}}: STOW-RS takes them too. */
    boolean isStudies() {
        return segments.get(0).equals("studies") && segments.size() <= 2;
    }

    boolean isSearch() {
        return segments.size() % 2 == 1 && ROOTS.contains(segments.get(segments.size() - 1));
    }

    boolean isMetadata() {
        return segments.get(segments.size() - 1).equals("metadata");
    }

    /** Whether the server is asked for DICOM JSON: searches, metadata and the Store Instances Response. */
    boolean answersDicomJson(String method) {
        return method.equals("POST") || isSearch() || isMetadata();
    }

    /** The transaction's name, for a 406. */
    String transaction(String method) {
        return method.equals("POST") ? "STOW-RS" : isSearch() ? "QIDO-RS" : "WADO-RS metadata";
    }

    String allow() {
        return isStudies() ? ALLOW_STORE : ALLOW;
    }

    /** @throws GatewayException 405 with {@code Allow} for a method the resource does not take */
    void requireMethod(String method) {
        if (!(method.equals("GET") || method.equals("HEAD") || (method.equals("POST") && isStudies()))) {
            throw new GatewayException(ProblemType.METHOD_NOT_ALLOWED, method + " is not a method of '/"
                    + String.join("/", segments) + "'; allowed: " + allow()).withHeader("Allow", allow());
        }
    }
}
