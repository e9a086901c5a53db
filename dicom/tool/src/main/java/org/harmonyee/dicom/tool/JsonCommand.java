package org.harmonyee.dicom.tool;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code json [--bulk-data-uri-above BYTES | --omit-bulk-data-above BYTES] [--compact] FILE}: the
 * file's dataset as PS3.18 JSON. Binary values are InlineBinary by default; with
 * {@code --bulk-data-uri-above} a longer one becomes a BulkDataURI into the file ({@link FileBulkDataUris}),
 * with {@code --omit-bulk-data-above} it is left out. Large values stream from the file to the output.
 */
final class JsonCommand implements Command {

    private static final String URI_ABOVE = "--bulk-data-uri-above";
    private static final String OMIT_ABOVE = "--omit-bulk-data-above";
    private static final String COMPACT = "--compact";
    /** Values from this size on are streamed from the file rather than read into memory. */
    private static final long STREAMED = 64 * 1024;

    @Override
    public String usage() {
        return "[" + URI_ABOVE + " BYTES | " + OMIT_ABOVE + " BYTES] [" + COMPACT + "] FILE"
                + "   the dataset as DICOM JSON (PS3.18 F), binary values inline unless an option says otherwise";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, Set.of(COMPACT), Set.of(URI_ABOVE, OMIT_ABOVE));
        String name = options.single("FILE");
        long uriAbove = options.bytes(URI_ABOVE);
        long omitAbove = options.bytes(OMIT_ABOVE);
        if (uriAbove >= 0 && omitAbove >= 0) {
            throw CommandException.usage(URI_ABOVE + " and " + OMIT_ABOVE + " exclude each other");
        }
        long threshold = uriAbove >= 0 ? Math.min(uriAbove + 1, STREAMED) : STREAMED;
        DicomFile file = DicomFile.read(name, threshold);
        BulkDataUris uris = uriAbove >= 0 ? new FileBulkDataUris(file.path(), uriAbove)
                : omitAbove >= 0 ? omitAbove(omitAbove) : BulkDataUris.INLINE;
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            if (!options.has(COMPACT)) {
                json.useDefaultPrettyPrinter();
            }
            new DicomJsonWriter(json, uris).write(file.dataset());
        }
        out.println();
    }

    private static BulkDataUris omitAbove(long limit) {
        return new BulkDataUris() {
            @Override
            public String uriFor(Attributes dataset, DicomElement element, long length) {
                return null;
            }

            @Override
            public boolean omit(Attributes dataset, DicomElement element, long length) {
                return length > limit;
            }
        };
    }
}
