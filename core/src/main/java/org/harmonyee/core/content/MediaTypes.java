package org.harmonyee.core.content;

import java.util.Locale;
import java.util.Optional;

/** Media-type facts the content services need, read from a Content-Type header value. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** The essence ("type/subtype", lower case) of a Content-Type value, without parameters. */
    public static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        String essence = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return essence.strip().toLowerCase(Locale.ROOT);
    }

    /** The value of a parameter such as {@code charset}, unquoted. */
    public static Optional<String> parameter(String contentType, String name) {
        for (String part : contentType.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase(name)) {
                String value = part.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** JSON and its structured-suffix family: application/json, application/fhir+json, application/dicom+json, ... */
    public static boolean isJson(String essence) {
        return essence.equals("application/json") || essence.endsWith("+json");
    }
}
