package org.harmonyee.dicom.net.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Orthanc (Debian package orthanc, /usr/sbin/Orthanc) as a DICOM peer on free loopback ports, with
 * its own configuration, index and storage under a directory. Its DICOM modalities list the AE
 * titles allowed to query and retrieve, and the C-MOVE destinations; answers are in UTF-8.
 */
public final class Orthanc implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static final String AE_TITLE = "ORTHANC";
    private static final Path EXECUTABLE = Path.of("/usr/sbin/Orthanc");
    /** The DICOMweb plugin of the Debian package orthanc-dicomweb. */
    private static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final PeerProcess process;
    private final int port;
    private final int httpPort;

    private Orthanc(PeerProcess process, int port, int httpPort) {
        this.process = process;
        this.port = port;
        this.httpPort = httpPort;
    }

    /** @param modalities AE title to port on 127.0.0.1: callers allowed to find/get/move, and move destinations */
    public static Orthanc start(Path directory, Map<String, Integer> modalities) throws IOException {
        return start(directory, modalities, false, Map.of());
    }

    /** The same, with the DICOMweb plugin serving {@code /dicom-web/} on {@link #httpPort()}: an oracle for DICOMweb. */
    public static Orthanc startWithDicomWeb(Path directory, Map<String, Integer> modalities) throws IOException {
        return startWithDicomWeb(directory, modalities, Map.of());
    }

    /** With DICOMweb, and HTTP Basic authentication of these users (name to password) on its REST API and DICOMweb. */
    public static Orthanc startWithDicomWeb(Path directory, Map<String, Integer> modalities, Map<String, String> users)
            throws IOException {
        if (!Files.isReadable(DICOMWEB_PLUGIN)) {
            throw new IllegalStateException(DICOMWEB_PLUGIN + " is missing: apt-get install -y orthanc-dicomweb");
        }
        return start(directory, modalities, true, users);
    }

    private static Orthanc start(Path directory, Map<String, Integer> modalities, boolean dicomWeb,
                                 Map<String, String> users) throws IOException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install -y orthanc");
        }
        List<Integer> ports = PeerProcess.freePorts(2);
        Path storage = Files.createDirectories(directory.resolve("storage"));
        Path temporary = Files.createDirectories(directory.resolve("tmp"));
        StringJoiner entries = new StringJoiner(",\n");
        modalities.forEach((title, port) -> entries.add("    \"" + title.toLowerCase() + "\" : { \"AET\" : \"" + title
                + "\", \"Host\" : \"127.0.0.1\", \"Port\" : " + port + " }"));
        StringJoiner registered = new StringJoiner(", ");
        users.forEach((user, password) -> registered.add("\"" + user + "\" : \"" + password + "\""));
        String config = "{\n"
                + "  \"Name\" : \"harmony-test-orthanc\",\n"
                + "  \"StorageDirectory\" : \"" + storage + "\",\n"
                + "  \"IndexDirectory\" : \"" + storage + "\",\n"
                + "  \"TemporaryDirectory\" : \"" + temporary + "\",\n"
                + "  \"StorageCompression\" : false,\n"
                + "  \"DefaultEncoding\" : \"Utf8\",\n"
                + (dicomWeb ? "  \"Plugins\" : [ \"" + DICOMWEB_PLUGIN + "\" ],\n"
                        + "  \"DicomWeb\" : { \"Enable\" : true, \"Root\" : \"/dicom-web/\" },\n"
                        : "  \"Plugins\" : [ ],\n")
                + "  \"HttpServerEnabled\" : true,\n"
                + "  \"HttpPort\" : " + ports.get(0) + ",\n"
                + "  \"RemoteAccessAllowed\" : false,\n"
                + "  \"AuthenticationEnabled\" : " + !users.isEmpty() + ",\n"
                + "  \"RegisteredUsers\" : {" + registered + "},\n"
                + "  \"DicomServerEnabled\" : true,\n"
                + "  \"DicomAet\" : \"" + AE_TITLE + "\",\n"
                + "  \"DicomPort\" : " + ports.get(1) + ",\n"
                + "  \"DicomCheckCalledAet\" : true,\n"
                + "  \"DicomAlwaysAllowEcho\" : true,\n"
                + "  \"DicomAlwaysAllowStore\" : true,\n"
                + "  \"DicomCheckModalityHost\" : false,\n"
                + "  \"DicomModalities\" : {\n" + entries + "\n  },\n"
                + "  \"DicomScuTimeout\" : 10,\n"
                + "  \"DicomAssociationCloseDelay\" : 0,\n"
                + "  \"SaveJobs\" : false,\n"
                + "  \"OverwriteInstances\" : false\n"
                + "}\n";
        Path file = directory.resolve("orthanc.json");
        Files.writeString(file, config);
        ProcessBuilder builder = new ProcessBuilder(EXECUTABLE.toString(), "--logfile=" + directory.resolve("orthanc.log"),
                file.toString());
        builder.environment().put("TCP_NODELAY", "1");
        int port = ports.get(1);
        PeerProcess process = PeerProcess.startDcmtk("Orthanc", builder, port, AE_TITLE, directory.resolve("orthanc.stdout"));
        return new Orthanc(process, port, ports.get(0));
    }

    public int port() {
        return port;
    }

    /** The port of Orthanc's REST API (and of its DICOMweb, when started with it), on 127.0.0.1. */
    public int httpPort() {
        return httpPort;
    }

    /**
     * Stores a PS3.10 file through Orthanc's REST API ({@code POST /instances}), the quickest way to
     * give it a test's data.
     *
     * @throws IllegalStateException when Orthanc does not answer 200
     */
    public void store(Path file) throws IOException, InterruptedException {
        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                + "/instances")).POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() != 200) {
            throw new IllegalStateException("Orthanc answered " + stored.statusCode() + " to " + file + ": " + stored.body());
        }
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
