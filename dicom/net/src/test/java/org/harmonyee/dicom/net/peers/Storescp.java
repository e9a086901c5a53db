package org.harmonyee.dicom.net.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DCMTK's storescp on a free loopback port, accepting every transfer syntax it knows ({@code +xa})
 * unless told otherwise, and writing each instance bit-preserving ({@code +B}: the data set exactly as received) into a folder.
 */
public final class Storescp implements AutoCloseable {

    private final PeerProcess process;
    private final int port;
    private final Path output;

    private Storescp(PeerProcess process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** @param syntaxOptions storescp's transfer syntax options; none means {@code +xa} (every syntax it knows) */
    public static Storescp start(Path directory, String aeTitle, String... syntaxOptions) throws IOException {
        return start(directory, aeTitle, PeerProcess.freePort(), syntaxOptions);
    }

    /** As {@link #start(Path, String, String...)}, on a port chosen by the caller (one a configuration names). */
    public static Storescp start(Path directory, String aeTitle, int port, String... syntaxOptions) throws IOException {
        Path output = directory.resolve("received");
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("-aet", aeTitle, "+B", "-od", output.toString()));
        arguments.addAll(syntaxOptions.length == 0 ? List.of("+xa") : List.of(syntaxOptions));
        arguments.add(Integer.toString(port));
        PeerProcess process = PeerProcess.startDcmtk("storescp", Dcmtk.builder("storescp", arguments), port, aeTitle,
                directory.resolve("storescp.log"));
        return new Storescp(process, port, output);
    }

    public int port() {
        return port;
    }

    public Path output() {
        return output;
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
