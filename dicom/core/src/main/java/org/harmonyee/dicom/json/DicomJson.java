package org.harmonyee.dicom.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.harmonyee.dicom.data.Attributes;

import java.io.IOException;
import java.io.StringWriter;

/** Convenience entry points for DICOM JSON. */
public final class DicomJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private DicomJson() {
    }

    /** The dataset as a DICOM JSON object, binary values inline. */
    public static String toJson(Attributes dataset) throws IOException {
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(json)) {
            new DicomJsonWriter(generator, BulkDataUris.INLINE).write(dataset);
        }
        return json.toString();
    }
}
