package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonWriter;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.service.FindResults;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.uid.UID;

/**
 * {@code find [SCU options] [-P|-S] [-L LEVEL] [-k KEY[=VALUE]]... [--json] [--cancel-after N] HOST PORT}:
 * a C-FIND like DCMTK's findscu. Each match is printed as it arrives, as a dump headed
 * {@code # match N}, then a summary line; with {@code --json} the output is one PS3.18 JSON array
 * of the matches and nothing else. {@code --cancel-after N} sends C-CANCEL after N matches.
 */
final class FindCommand implements Command {

    private static final String JSON = "--json";
    private static final String CANCEL_AFTER = "--cancel-after";

    @Override
    public String usage() {
        return ScuConnection.USAGE + " " + QueryKeys.USAGE + " [" + JSON + "] [" + CANCEL_AFTER + " N] HOST PORT"
                + "  C-FIND (study root, STUDY level by default); each match, then a summary";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, ScuConnection.flags(QueryKeys.FLAGS, Set.of(JSON)),
                ScuConnection.valued(QueryKeys.VALUED, Set.of(CANCEL_AFTER)));
        QueryKeys query = QueryKeys.of(options, QueryKeys.Service.FIND);
        long cancelAfter = options.count(CANCEL_AFTER, 1);
        try (ScuConnection connection = ScuConnection.of(options, options.positional());
             ScuAssociation association = connection.open(new Proposal()
                     .add(query.model(), UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian))) {
            Matches matches = options.has(JSON) ? new JsonMatches(out) : new DumpMatches(out);
            int count = 0;
            int status;
            try (FindResults results = association.findResults(query.model(), query.identifier())) {
                for (Attributes match = results.next(); match != null; match = results.next()) {
                    matches.write(++count, match);
                    if (count == cancelAfter) {
                        results.close();
                        break;
                    }
                }
                status = results.status();
            } finally {
                matches.end();
            }
            if (!options.has(JSON)) {
                out.printf("C-FIND %s: %d match%s, status %04X%s%n", connection.peer(), count, count == 1 ? "" : "es",
                        status, status == Status.CANCEL ? " (cancelled)" : "");
            }
        } catch (DimseException e) {
            throw CommandException.failure(ScuConnection.describe("C-FIND", e));
        }
    }

    /** How the matches are printed. */
    private interface Matches {

        void write(int number, Attributes match) throws IOException;

        void end() throws IOException;
    }

    private record DumpMatches(PrintStream out) implements Matches {

        @Override
        public void write(int number, Attributes match) {
            out.println("# match " + number);
            new DumpWriter(out, true).write(match);
            out.flush();
        }

        @Override
        public void end() {
        }
    }

    private static final class JsonMatches implements Matches {

        private final PrintStream out;
        private final JsonGenerator json;

        JsonMatches(PrintStream out) throws IOException {
            this.out = out;
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter();
            json.writeStartArray();
        }

        @Override
        public void write(int number, Attributes match) throws IOException {
            new DicomJsonWriter(json, BulkDataUris.INLINE).write(match);
            json.flush();
        }

        @Override
        public void end() throws IOException {
            json.writeEndArray();
            json.close();
            out.println();
        }
    }
}
