package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * storescu into our archive, several associations at once, while findscu asks: every stored
 * instance is in the folder and in the index, so the next C-FIND and a C-GET see it; a second
 * opening of the folder finds the same.
 */
class ArchiveStoreInteropTest {

    @TempDir
    Path directory;

    private static List<TestDataset.Instance> ofStudy(List<TestDataset.Instance> instances, int study) {
        String uid = instances.stream().map(TestDataset.Instance::studyInstanceUid).distinct().toList().get(study);
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    private static List<Path> filesOfSeries(List<TestDataset.Instance> instances, String series) {
        return instances.stream().filter(i -> i.seriesInstanceUid().equals(series)).map(TestDataset.Instance::file).toList();
    }

    @Test
    void storedInstancesAreFoundAtOnceAndAfterReopening() throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        Path folder = Files.createDirectories(directory.resolve("archive"));
        for (TestDataset.Instance instance : ofStudy(instances, 2)) {
            Files.copy(instance.file(), folder.resolve(instance.sopInstanceUid() + ".dcm"));
        }
        List<TestDataset.Instance> stored = ofStudy(instances, 3);
        String study = stored.get(0).studyInstanceUid();
        List<String> series = stored.stream().map(TestDataset.Instance::seriesInstanceUid).distinct().toList();
        try (ArchiveServer archive = ArchiveServer.start(folder)) {
            assertThat(archive.archive().size().studies()).isEqualTo(1);
            ExecutorService storescus = Executors.newFixedThreadPool(series.size() + 1);
            try {
                List<Future<Dcmtk.Result>> runs = new ArrayList<>();
                for (String uid : series) {
                    runs.add(storescus.submit(() -> storescu(archive, filesOfSeries(stored, uid))));
                }
                Future<Integer> finds = storescus.submit(() -> findWhileStoring(archive, runs));
                for (Future<Dcmtk.Result> run : runs) {
                    assertThat(run.get().status()).as(run.get().output()).isZero();
                    assertThat(run.get().output()).doesNotContain("E: ");
                }
                assertThat(finds.get()).as("finds during the stores").isPositive();
            } finally {
                storescus.shutdown();
            }
            assertThat(studyCounts(archive, study)).containsExactly(study, "CT", Integer.toString(series.size()),
                    Integer.toString(stored.size()));
            assertThat(archive.archive().size()).isEqualTo(new DirectoryArchive.Size(2, 2, 2 + series.size(),
                    ofStudy(instances, 2).size() + stored.size()));

            TestDataset.Instance again = stored.get(0);
            assertThat(storescu(archive, List.of(again.file())).status()).isZero();
            assertThat(archive.archive().size().instances()).as("stored twice, indexed once")
                    .isEqualTo(ofStudy(instances, 2).size() + stored.size());

            Path got = Files.createDirectories(directory.resolve("got"));
            Dcmtk.Result get = Dcmtk.run(60, "getscu", "+B", "-v", "-S", "-aec", ArchiveServer.AE_TITLE, "-od",
                    got.toString(), "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + study, "-k",
                    "SeriesInstanceUID=" + again.seriesInstanceUid(), "-k", "SOPInstanceUID=" + again.sopInstanceUid(),
                    "127.0.0.1", archive.portText());
            assertThat(get.output()).contains("Received C-GET Response (Success)");
            assertThat(DataSetBytes.bySopInstance(got)).containsOnlyKeys(again.sopInstanceUid());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))).as("partial files left").isEmpty();
        }
        assertThat(DirectoryArchive.open(folder).size()).isEqualTo(new DirectoryArchive.Size(2, 2, 2 + series.size(),
                ofStudy(instances, 2).size() + stored.size()));
    }

    private static Dcmtk.Result storescu(ArchiveServer archive, List<Path> files) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-aet", "STORESCU", "-aec", ArchiveServer.AE_TITLE,
                "127.0.0.1", archive.portText()));
        files.forEach(file -> arguments.add(file.toString()));
        return Dcmtk.run(120, "storescu", arguments.toArray(String[]::new));
    }

    /** findscu at STUDY level until the stores end: each answer is whole (Success), never an error. */
    private int findWhileStoring(ArchiveServer archive, List<Future<Dcmtk.Result>> stores) throws Exception {
        int finds = 0;
        while (finds == 0 || stores.stream().anyMatch(f -> !f.isDone())) {
            Findscu.Result result = Findscu.find(directory.resolve("find" + finds), ArchiveServer.AE_TITLE,
                    archive.port(), "-S", List.of("QueryRetrieveLevel=STUDY", "StudyInstanceUID",
                            "NumberOfStudyRelatedInstances"));
            assertThat(result.run().output()).contains("Received Final Find Response (Success)");
            finds++;
        }
        return finds;
    }

    private List<String> studyCounts(ArchiveServer archive, String study) throws Exception {
        List<Attributes> matches = Findscu.find(directory.resolve("counts"), ArchiveServer.AE_TITLE, archive.port(), "-S",
                List.of("QueryRetrieveLevel=STUDY", "StudyInstanceUID=" + study, "ModalitiesInStudy",
                        "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances")).matches();
        assertThat(matches).hasSize(1);
        Attributes match = matches.get(0);
        return List.of(match.getString(Tag.StudyInstanceUID), String.join("\\", match.getStrings(Tag.ModalitiesInStudy)),
                match.getString(Tag.NumberOfStudyRelatedSeries), match.getString(Tag.NumberOfStudyRelatedInstances));
    }
}
