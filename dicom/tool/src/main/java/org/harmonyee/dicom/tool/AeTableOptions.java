package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmonyee.dicom.net.service.AeTable;
import org.harmonyee.dicom.net.service.RemoteAE;

/**
 * The C-MOVE destinations of {@code scp}: {@code --dest AET=HOST:PORT[:tls]} (repeatable) and
 * {@code --ae-table FILE}, a text file with one such entry per line ({@code #} starts a comment).
 * A bad entry is a usage error naming the option, or the file and line.
 */
final class AeTableOptions {

    static final String DEST = "--dest";
    static final String AE_TABLE = "--ae-table";

    private AeTableOptions() {
    }

    /** @param tls whether the command has TLS options, which a {@code :tls} destination needs */
    static AeTable of(Options options, boolean tls) throws CommandException {
        Map<String, RemoteAE> entries = new LinkedHashMap<>();
        String file = options.value(AE_TABLE, null);
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CommandException.failure(AE_TABLE + " " + file + ": cannot read it: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("#.*", "").strip();
                if (!line.isEmpty()) {
                    add(entries, entry(file + ":" + (i + 1), line), tls);
                }
            }
        }
        for (String value : options.values(DEST)) {
            add(entries, entry(DEST, value), tls);
        }
        return new AeTable(entries);
    }

    private static void add(Map<String, RemoteAE> entries, RemoteAE remote, boolean tls) throws CommandException {
        if (remote.tls() && !tls) {
            throw CommandException.usage(remote.aeTitle() + " is a TLS destination: give the --tls options");
        }
        entries.put(remote.aeTitle(), remote);
    }

    /** {@code AET=HOST:PORT[:tls]}; {@code where} names the option or the file and line. */
    static RemoteAE entry(String where, String value) throws CommandException {
        String[] parts = value.split("=", 2);
        String[] address = parts.length == 2 ? parts[1].split(":", -1) : new String[0];
        if (address.length < 2 || address.length > 3 || address[0].isBlank()
                || address.length == 3 && !address[2].equalsIgnoreCase("tls")) {
            throw CommandException.usage(where + ": expected AET=HOST:PORT[:tls], got '" + value + "'");
        }
        String aeTitle = ScuConnection.aeTitle(where, parts[0]);
        int port = Options.port(where + " " + aeTitle + " port", address[1], 1);
        return new RemoteAE(aeTitle, address[0].strip(), port, address.length == 3);
    }
}
