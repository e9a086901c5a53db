package org.harmonyee.dicom.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code java -jar dicom/bench/target/benchmarks.jar [--quick] [FILE]}: runs {@link DicomBenchmarks}
 * on FILE (by default the first 512x512 16-bit CT of the test dataset, which the dicom/core tests
 * make in target/test-dataset), then DCMTK's dcm2json on the same file, and prints files/s and MB/s
 * of each. {@code --quick}: short warm-up and measurement, for a smoke run.
 */
public final class BenchMain {

    private static final Path DEFAULT_FILE = Path.of("target", "test-dataset", "stA", "se1", "IM0001.dcm");
    private static final Path DCM2JSON = Path.of("/usr/bin/dcm2json");
    private static final int DCM2JSON_RUNS = 50;

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean quick = List.of(args).contains("--quick");
        List<String> files = new ArrayList<>(List.of(args));
        files.remove("--quick");
        Path file = files.isEmpty() ? defaultFile() : Path.of(files.get(0));
        if (!Files.isRegularFile(file)) {
            System.err.println("benchmarks: no file " + file + " (the dicom/core tests make the test dataset; or pass a FILE)");
            System.exit(2);
        }
        double megabytes = Files.size(file) / 1e6;
        ChainedOptionsBuilder options = new OptionsBuilder().include(DicomBenchmarks.class.getName())
                .param("file", file.toAbsolutePath().toString()).forks(1).shouldDoGC(true)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 3))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 3));
        Collection<RunResult> results = new Runner(options.build()).run();

        System.out.printf("%nFile: %s (%.3f MB)%n%n", file, megabytes);
        System.out.printf("%-36s %12s %12s   (MB/s: the file's size x files/s)%n", "benchmark", "files/s", "MB/s");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double perSecond = result.getPrimaryResult().getScore();
            System.out.printf("%-36s %12.1f %12.1f%n", "harmony " + name, perSecond, perSecond * megabytes);
        }
        if (Files.isExecutable(DCM2JSON)) {
            double perSecond = dcm2json(file);
            System.out.printf("%-36s %12.1f %12.1f%n", "dcm2json (process per file)", perSecond, perSecond * megabytes);
        } else {
            System.out.println("dcm2json: not installed (apt-get install dcmtk) - no comparison");
        }
    }

    /** Files/s of dcm2json on the file, output discarded, one process per file as an operator runs it. */
    private static double dcm2json(Path file) throws IOException, InterruptedException {
        run(file);
        long start = System.nanoTime();
        for (int i = 0; i < DCM2JSON_RUNS; i++) {
            run(file);
        }
        return DCM2JSON_RUNS / ((System.nanoTime() - start) / 1e9);
    }

    private static void run(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(DCM2JSON.toString(), file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IOException("dcm2json failed on " + file);
        }
    }

    /** target/test-dataset/... under the repository's root, found from the working directory. */
    private static Path defaultFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("src/test-tools/make_dataset.py"))) {
                return dir.resolve(DEFAULT_FILE);
            }
        }
        return DEFAULT_FILE;
    }
}
