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

    /**
     * The header value (a Content-Type, or an Accept list) with every parameter value that is not a
     * token (RFC 9110 §5.6.6) quoted: {@code multipart/related; type=application/dicom} becomes
     * {@code multipart/related; type="application/dicom"}, as the grammar asks and strict parsers
     * need. A value with nothing to quote comes back as the same instance.
     */
    public static String quoteParameterValues(String header) {
        if (header == null || header.indexOf(';') < 0) {
            return header;
        }
        StringBuilder quoted = null;
        int length = header.length();
        int copied = 0;
        for (int i = 0; i < length; i++) {
            char c = header.charAt(i);
            if (c == '"') {
                i = closingQuote(header, i);
            } else if (c == '=') {
                int start = i + 1;
                while (start < length && header.charAt(start) == ' ') {
                    start++;
                }
                if (start < length && header.charAt(start) == '"') {
                    i = closingQuote(header, start);
                    continue;
                }
                int end = start;
                while (end < length && header.charAt(end) != ';' && header.charAt(end) != ',') {
                    end++;
                }
                String value = header.substring(start, end).strip();
                if (!value.isEmpty() && !isToken(value)) {
                    quoted = quoted == null ? new StringBuilder(length + 8) : quoted;
                    quoted.append(header, copied, i + 1).append('"')
                            .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                    copied = end;
                }
                i = end - 1;
            }
        }
        return quoted == null ? header : quoted.append(header, copied, length).toString();
    }

    private static int closingQuote(String header, int open) {
        for (int i = open + 1; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return header.length();
    }

    private static boolean isToken(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean token = c < 127 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** JSON and its structured-suffix family: application/json, application/fhir+json, application/dicom+json, ... */
    public static boolean isJson(String essence) {
        return essence.equals("application/json") || essence.endsWith("+json");
    }
}
