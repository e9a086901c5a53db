package org.harmonyee.core.config;

import java.util.Set;

/** {@code [proxy.content_limits]}: what an endpoint accepts before it refuses a body. */
public record ContentLimits(long maxBodySize, int maxCsvRows, int maxXmlDepth, int maxMultipartFiles,
                            int maxFormFields) {

    public static ContentLimits defaults() {
        return new ContentLimits(ConfigDefaults.MAX_BODY_SIZE, ConfigDefaults.MAX_CSV_ROWS,
                ConfigDefaults.MAX_XML_DEPTH, ConfigDefaults.MAX_MULTIPART_FILES, ConfigDefaults.MAX_FORM_FIELDS);
    }

    static ContentLimits read(Options options) {
        TableShape.check(options, Set.of("max_body_size", "max_csv_rows", "max_xml_depth", "max_multipart_files",
                "max_form_fields"), Set.of());
        return new ContentLimits(
                options.integer("max_body_size", ConfigDefaults.MAX_BODY_SIZE, 1, Long.MAX_VALUE),
                (int) options.integer("max_csv_rows", ConfigDefaults.MAX_CSV_ROWS, 1, Integer.MAX_VALUE),
                (int) options.integer("max_xml_depth", ConfigDefaults.MAX_XML_DEPTH, 1, 10_000),
                (int) options.integer("max_multipart_files", ConfigDefaults.MAX_MULTIPART_FILES, 0, 100_000),
                (int) options.integer("max_form_fields", ConfigDefaults.MAX_FORM_FIELDS, 0, 1_000_000));
    }
}
