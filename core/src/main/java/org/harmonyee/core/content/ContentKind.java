package org.harmonyee.core.content;

/** How an endpoint understands a body, by its media type (the seed's list of supported types). */
enum ContentKind {
    JSON, XML, CSV, FORM, MULTIPART, BINARY, OTHER;

    /** The kind of a media-type essence; a missing Content-Type is JSON, as in Harmony. */
    static ContentKind of(String essence) {
        if (essence == null || MediaTypes.isJson(essence)) {
            return JSON;
        }
        if (essence.equals("application/xml") || essence.equals("text/xml") || essence.endsWith("+xml")) {
            return XML;
        }
        if (essence.equals("text/csv")) {
            return CSV;
        }
        if (essence.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        if (essence.equals("multipart/form-data")) {
            return MULTIPART;
        }
        if (essence.startsWith("image/") || essence.startsWith("video/") || essence.startsWith("audio/")
                || essence.equals("application/pdf") || essence.equals("application/octet-stream")) {
            return BINARY;
        }
        return OTHER;
    }
}
