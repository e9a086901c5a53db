package org.harmonyee.dicom.tool;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code echo} and {@code store} against DCMTK's storescp on a free loopback port: success, refusal, closed port, usage. */
class ScuCommandsTest {


    @Test
    void echoesStorescp() throws Exception {
        Process storescp = storescp();
        try {
            ToolRun run = ToolRun.run("echo", "-aet", "OPERATOR", "-aec", "STORESCP", "127.0.0.1", String.valueOf(port));
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("C-ECHO STORESCP@127.0.0.1:" + port + ": status 0000\n");
        } finally {
            storescp.destroy();
        }
    }

    @Test
    void storesTheSampleStudyAsItIsOnDisk() throws Exception {
        Path study = Path.of("../core/src/test/resources/sample-ct-study");
        List<Path> originals;
        try (var walk = Files.walk(study)) {
            originals = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Process storescp = storescp();
        try {
            ToolRun run = ToolRun.run("store", "-aec", "STORESCP", "127.0.0.1", String.valueOf(port), study.toString());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("C-STORE STORESCP@127.0.0.1:" + port + ": " + originals.size()
                    + " stored, 0 failed\n");
        } finally {
            storescp.destroy();
            storescp.waitFor();
        }
        List<Path> received;
        try (var walk = Files.walk(storescpFolder)) {
            received = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(received).hasSameSizeAs(originals);
        List<String> receivedDataSets = new ArrayList<>();
        for (Path file : received) {
            receivedDataSets.add(dataSetHex(file));
        }
        for (Path original : originals) {
            assertThat(receivedDataSets).contains(dataSetHex(original));
        }
    }

    /** The bytes after the File Meta Information (preamble, DICM, group 0002 by its group length). */
    private static String dataSetHex(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int groupLength = ByteBuffer.wrap(bytes, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return HexFormat.of().formatHex(bytes, 144 + groupLength, bytes.length);
    }

    @Test
    void aRefusedAssociationIsOneLineAndStatus1() throws Exception {
        Process storescp = storescp("--refuse");
        try {
            ToolRun run = ToolRun.run("echo", "127.0.0.1", String.valueOf(port));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).startsWith("harmony dicom echo: ").doesNotContain("\tat ");
            assertThat(run.err().lines()).hasSize(1);
        } finally {
            storescp.destroy();
        }
    }

    @Test
    void aClosedPortIsOneLineAndStatus1() throws IOException {
        int closed = freePort();
        ToolRun run = ToolRun.run("echo", "127.0.0.1", String.valueOf(closed));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("harmony dicom echo: cannot connect to 127.0.0.1:" + closed);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aBadPortIsAUsageError() {
        ToolRun run = ToolRun.run("echo", "127.0.0.1", "0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("PORT: expected 1-65535, got '0'").contains("usage: harmony dicom echo");
    }

    private int port;
    private Path storescpFolder;

    private Process storescp(String... extra) throws IOException, InterruptedException {
        port = freePort();
        Path dir = Files.createTempDirectory("storescp");
        storescpFolder = dir;
        List<String> command = new ArrayList<>(List.of("storescp", "-aet", "STORESCP", "-od", dir.toString()));
        command.addAll(List.of(extra));
        command.add(String.valueOf(port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroy();
        throw new IOException("storescp did not listen on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
