package org.harmonyee.services.fhir;

import org.harmonyee.core.content.MediaTypes;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** FHIR's media types (R4 section 3.1.0.1) and the {@code _format} parameter's values. */
final class FhirMediaTypes {

    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_XML = "application/fhir+xml";

    private static final Set<String> RESOURCE_TYPES = Set.of(FHIR_JSON, FHIR_XML, "application/json",
            "application/xml", "text/xml", "application/json-patch+json", "application/fhir+turtle");

    private FhirMediaTypes() {
    }

    /** The media type a {@code _format} value asks for, if it names one. */
    static Optional<String> ofFormat(String format) {
        String value = format.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "json", "application/json", "application/fhir+json" -> Optional.of(FHIR_JSON);
            case "xml", "text/xml", "application/xml", "application/fhir+xml" -> Optional.of(FHIR_XML);
            case "ttl", "application/fhir+turtle", "text/turtle" -> Optional.of("application/fhir+turtle");
            default -> Optional.empty();
        };
    }

    /** Whether a request or response body of this Content-Type can be a FHIR resource. */
    static boolean isFhirBody(String contentType) {
        return RESOURCE_TYPES.contains(MediaTypes.essence(contentType));
    }

    static boolean isJson(String contentType) {
        return MediaTypes.isJson(MediaTypes.essence(contentType));
    }
}
