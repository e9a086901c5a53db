package org.harmonyee.dicom.net.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DCMTK's dcmqrscp as a Query/Retrieve PACS on a free loopback port, with its own configuration
 * and storage under a directory, and a HostTable naming the C-MOVE destinations (all 127.0.0.1).
 * Options {@code +xy +U8}: accept JPEG baseline on C-STORE, fall back to UTF-8 in C-FIND answers.
 */
public final class Dcmqrscp implements AutoCloseable {

    public static final String AE_TITLE = "DCMQRSCP";

    private final PeerProcess process;
    private final int port;
    private final Path directory;

    private Dcmqrscp(PeerProcess process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** @param moveDestinations AE title to port on 127.0.0.1 */
    public static Dcmqrscp start(Path directory, Map<String, Integer> moveDestinations, String... extraOptions)
            throws IOException {
        int port = PeerProcess.freePort();
        Path storage = directory.resolve("db").resolve(AE_TITLE);
        Files.createDirectories(storage);
        StringBuilder config = new StringBuilder();
        config.append("NetworkTCPPort  = ").append(port).append('\n');
        config.append("MaxPDUSize      = 16384\n");
        config.append("MaxAssociations = 64\n\n");
        config.append("HostTable BEGIN\n");
        int n = 0;
        for (Map.Entry<String, Integer> destination : moveDestinations.entrySet()) {
            config.append("dest").append(++n).append(" = (").append(destination.getKey()).append(", 127.0.0.1, ")
                    .append(destination.getValue()).append(")\n");
        }
        config.append("HostTable END\n\nVendorTable BEGIN\nVendorTable END\n\nAETable BEGIN\n");
        config.append(AE_TITLE).append(' ').append(storage).append(" RW (500, 1024mb) ANY\nAETable END\n");
        Path file = directory.resolve("dcmqrscp.cfg");
        Files.writeString(file, config);
        List<String> arguments = new ArrayList<>(List.of("-c", file.toString(), "+xy", "+U8"));
        arguments.addAll(List.of(extraOptions));
        arguments.add(Integer.toString(port));
        PeerProcess process = PeerProcess.startDcmtk("dcmqrscp", Dcmtk.builder("dcmqrscp", arguments), port,
                AE_TITLE, directory.resolve("dcmqrscp.log"));
        return new Dcmqrscp(process, port, directory);
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
