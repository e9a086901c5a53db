package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Not a timed test: prints how fast our storage SCP (AssociationAcceptor, DimseServiceRouter,
 * DirectoryStorage, writing to disk) receives compared with DCMTK's storescp, both fed by the same
 * storescu command: the whole dataset folder, three times over (every instance is stored three
 * times, each copy replacing the last), each file in its own transfer syntax. Two warm-ups each
 * (for the JIT), then rounds alternating between the two; the median of each, its MB/s, and
 * ours/storescp. Every round's output is checked: every instance received, its data set byte for
 * byte the original.
 */
class ScpBenchmarkTest {

    private static final int WARM_UPS = 2;
    private static final int ROUNDS = 7;
    private static final int PASSES = 3;

    @FunctionalInterface
    private interface Receiver {
        /** Runs storescu into a fresh receiver and returns its wall time in nanoseconds, checking the output. */
        long round(Path directory) throws Exception;
    }

    @Test
    void storescuIntoOurScpAgainstStorescp(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        long bytes = 0;
        for (TestDataset.Instance instance : instances) {
            bytes += Files.size(instance.file());
        }
        long total = bytes * PASSES;
        Path profile = storescuProfile(instances, directory.resolve("storescu.cfg"));
        try (TestThreads threads = new TestThreads("scp-benchmark")) {
            Receiver ours = round -> {
                Path received = round.resolve("received");
                DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor()))
                        .store(new DirectoryStorage(received));
                long time;
                try (AssociationAcceptor acceptor = new AssociationAcceptor(AcceptorConfig.loopback("HARMONY"), router,
                        threads.executor()).start()) {
                    time = storescu(profile, "HARMONY", acceptor.port());
                }
                StoreInteropTest.assertSameDataSets(instances, received);
                return time;
            };
            Receiver storescp = round -> {
                long time;
                try (Storescp peer = Storescp.start(round, "STORESCP")) {
                    time = storescu(profile, "STORESCP", peer.port());
                    StoreInteropTest.assertSameDataSets(instances, peer.output());
                }
                return time;
            };
            List<Long> ourTimes = new ArrayList<>();
            List<Long> storescpTimes = new ArrayList<>();
            for (int n = 0; n < WARM_UPS; n++) {
                run(ours, directory, "warm-ours-" + n);
                run(storescp, directory, "warm-storescp-" + n);
            }
            for (int n = 0; n < ROUNDS; n++) {
                ourTimes.add(run(ours, directory, "ours-" + n));
                storescpTimes.add(run(storescp, directory, "storescp-" + n));
            }
            double ourMedian = median(ourTimes);
            double storescpMedian = median(storescpTimes);
            System.out.printf("BENCHMARK C-STORE receive of %d instances, %.1f MB (storescu, the dataset %d times): "
                            + "ours %.0f ms (%.1f MB/s), storescp %.0f ms (%.1f MB/s), ours/storescp %.2f%n",
                    instances.size() * PASSES, total / 1e6, PASSES, ourMedian / 1e6, total / 1e6 / (ourMedian / 1e9),
                    storescpMedian / 1e6, total / 1e6 / (storescpMedian / 1e9), ourMedian / storescpMedian);
            System.out.println("BENCHMARK rounds (ms): ours " + millis(ourTimes) + ", storescp " + millis(storescpTimes));
        }
    }

    private static long run(Receiver receiver, Path directory, String name) throws Exception {
        Path round = Files.createDirectories(directory.resolve(name));
        try {
            return receiver.round(round);
        } finally {
            delete(round);
        }
    }

    /**
     * A storescu association profile with one presentation context per SOP class and transfer
     * syntax of the dataset, each with that one syntax: storescu's own options combine the
     * uncompressed syntaxes into one context, where the acceptor's choice would make storescu
     * convert every file in another syntax.
     */
    private static Path storescuProfile(List<TestDataset.Instance> instances, Path file) throws IOException {
        Set<String> syntaxes = new TreeSet<>();
        Set<List<String>> contexts = new LinkedHashSet<>();
        for (TestDataset.Instance instance : instances) {
            syntaxes.add(instance.transferSyntaxUid());
            contexts.add(List.of(instance.sopClassUid(), instance.transferSyntaxUid()));
        }
        List<String> names = new ArrayList<>(syntaxes);
        StringBuilder text = new StringBuilder("[[TransferSyntaxes]]\n");
        for (int n = 0; n < names.size(); n++) {
            text.append("[Syntax").append(n).append("]\nTransferSyntax1 = ").append(names.get(n)).append('\n');
        }
        text.append("[[PresentationContexts]]\n[Contexts]\n");
        int n = 0;
        for (List<String> context : contexts) {
            text.append("PresentationContext").append(++n).append(" = ").append(context.get(0)).append("\\Syntax")
                    .append(names.indexOf(context.get(1))).append('\n');
        }
        text.append("[[Profiles]]\n[Benchmark]\nPresentationContexts = Contexts\n");
        return Files.writeString(file, text);
    }

    /** storescu of the dataset folder, PASSES times, with {@link #storescuProfile}. */
    private static long storescu(Path profile, String calledAETitle, int port) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-xf", profile.toString(), "Benchmark", "-aet", "STORESCU",
                "-aec", calledAETitle, "+sd", "+r", "+sp", "*.dcm", "127.0.0.1", Integer.toString(port)));
        for (int pass = 0; pass < PASSES; pass++) {
            arguments.add(TestDataset.directory().toString());
        }
        long start = System.nanoTime();
        Dcmtk.Result result = Dcmtk.run(300, "storescu", arguments.toArray(String[]::new));
        long time = System.nanoTime() - start;
        if (result.status() != 0 || result.output().contains("Convert")) {
            throw new AssertionError("storescu into " + calledAETitle + " failed: " + result.output());
        }
        return time;
    }

    private static double median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> millis(List<Long> times) {
        return times.stream().map(t -> t / 1_000_000).toList();
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
