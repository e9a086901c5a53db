package org.harmonyee.it.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dicomweb-client 0.11.3, the DICOMweb client of OHIF and other browser viewers, run in Node by
 * {@code src/test-tools/browser/dicomweb-client.mjs} against a DICOMweb service holding a study of
 * the test dataset, and what it received checked against the dataset: searchForStudies, Series and
 * Instances find the study's UIDs; retrieveInstance answers every instance as stored
 * ({@link SameInstances}); retrieveStudyMetadata names every instance with its Pixel Data as a
 * BulkDataURI under the service; retrieveInstanceFrames of a native instance of each syntax is its
 * Pixel Data; storeInstances of another study is answered with each instance referenced and none
 * failed, and that study is then retrieved as sent.
 */
final class DicomWebClientRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DicomWebClientRun() {
    }

    /**
     * @param root   the service root ({@code http://host:port/dicom-web})
     * @param study  a study of the test dataset the service holds; another study, which it must not
     *               hold yet, is stored
     * @param script {@code dicomweb-client.mjs}
     * @param out    an empty folder for what the client receives
     */
    static void assertSearchRetrieveStore(String root, String study, Path script, Path out) throws Exception {
        List<TestDataset.Instance> held = TestDataset.instances().stream()
                .filter(i -> i.studyInstanceUid().equals(study)).toList();
        List<TestDataset.Instance> framed = held.stream().filter(i -> !i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit))
                .collect(Collectors.toMap(TestDataset.Instance::transferSyntaxUid, Function.identity(), (a, b) -> a))
                .values().stream().toList();
        List<TestDataset.Instance> stored = smallestOtherStudy(study);
        ObjectNode plan = JSON.createObjectNode().put("root", root).put("study", study).put("out", out.toString());
        ArrayNode frames = plan.putArray("frames");
        framed.forEach(i -> frames.addObject().put("series", i.seriesInstanceUid()).put("sop", i.sopInstanceUid())
                .put("frame", 1));
        ObjectNode store = plan.putObject("store").put("study", stored.get(0).studyInstanceUid());
        ArrayNode files = store.putArray("files");
        stored.forEach(i -> files.add(i.file().toString()));
        Path planFile = Files.writeString(out.resolve("plan.json"), JSON.writeValueAsString(plan));

        Process node = new ProcessBuilder("node", script.toString(), planFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
        JsonNode report = JSON.readTree(output.lines().reduce((first, last) -> last).orElse("{}"));
        assertThat(report.path("step").asText()).as(output).isEqualTo("done");
        assertThat(node.exitValue()).isZero();

        assertThat(uids(read(out, "studies.json"), "0020000D")).as("searchForStudies").containsExactly(study);
        Set<String> series = uids(read(out, "series.json"), "0020000E");
        assertThat(series).as("searchForSeries").isEqualTo(collect(held, TestDataset.Instance::seriesInstanceUid));
        for (String seriesUid : series) {
            assertThat(uids(read(out, "instances-" + seriesUid + ".json"), "00080018")).as("searchForInstances of " + seriesUid)
                    .isEqualTo(collect(held.stream().filter(i -> i.seriesInstanceUid().equals(seriesUid)).toList(),
                            TestDataset.Instance::sopInstanceUid));
        }
        SameInstances.assertReceived(held, out.resolve("instances"));
        assertMetadata(read(out, "metadata.json"), held, root);
        for (TestDataset.Instance instance : framed) {
            assertThat(Files.readAllBytes(out.resolve("frames/" + instance.sopInstanceUid() + "-1.bin")))
                    .as("frame 1 of " + instance.file()).isEqualTo(pixelData(instance));
        }

        JsonNode answer = read(out, "stored.json");
        assertThat(uids(answer.path("00081199").path("Value"), "00081155")).as("storeInstances' Referenced SOP Sequence")
                .isEqualTo(collect(stored, TestDataset.Instance::sopInstanceUid));
        assertThat(answer.path("00081198").path("Value")).as("storeInstances' Failed SOP Sequence").isEmpty();
        SameInstances.assertReceived(stored, out.resolve("stored"));
    }

    /** Every instance's metadata, its Pixel Data a BulkDataURI under the service root. */
    private static void assertMetadata(JsonNode metadata, List<TestDataset.Instance> held, String root) {
        assertThat(uids(metadata, "00080018")).as("retrieveStudyMetadata")
                .isEqualTo(collect(held, TestDataset.Instance::sopInstanceUid));
        for (JsonNode instance : metadata) {
            assertThat(instance.path("7FE00010").path("BulkDataURI").asText()).as("Pixel Data of " + instance.path("00080018"))
                    .startsWith(root + "/studies/");
        }
    }

    /** The test dataset's study with the fewest instances, other than {@code held}. */
    private static List<TestDataset.Instance> smallestOtherStudy(String held) throws Exception {
        return TestDataset.instances().stream().filter(i -> !i.studyInstanceUid().equals(held))
                .collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid)).values().stream()
                .min(Comparator.comparingInt(List::size)).orElseThrow();
    }

    /** A single-frame native instance's Pixel Data, as the toolkit reads it. */
    private static byte[] pixelData(TestDataset.Instance instance) throws Exception {
        try (DicomInputStream in = DicomInputStream.open(instance.file())) {
            Attributes dataSet = in.readDataset();
            assertThat(dataSet.getInt(Tag.NumberOfFrames, 1)).as(instance.file() + " has one frame").isEqualTo(1);
            return dataSet.get(Tag.PixelData).bytes();
        }
    }

    private static JsonNode read(Path out, String file) throws Exception {
        return JSON.readTree(out.resolve(file).toFile());
    }

    private static Set<String> uids(JsonNode matches, String tag) {
        return StreamSupport.stream(matches.spliterator(), false).map(m -> m.path(tag).path("Value").path(0).asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> collect(List<TestDataset.Instance> instances, Function<TestDataset.Instance, String> uid) {
        return instances.stream().map(uid).collect(Collectors.toCollection(TreeSet::new));
    }
}
