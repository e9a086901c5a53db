package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.dict.ElementDictionary;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCMTK's findscu against our archive and against dcmqrscp loaded with the same dataset: the same
 * query must give the same matches with the same values, at every level of both roots. Where
 * dcmqrscp departs from PS3.4, {@link QueryCase#expected} holds the standard's answer instead, and
 * says why.
 */
class ArchiveFindInteropTest {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();
    /**
     * Keys dcmqrscp 3.6.7 does not answer: it leaves them out of its responses, or (Series
     * Description, which its index does not keep) returns them empty; both allowed for optional keys.
     */
    private static final Set<String> NOT_IN_DCMQRSCP = Set.of("SeriesDescription", "ModalitiesInStudy", "SOPClassesInStudy",
            "NumberOfPatientRelatedStudies", "NumberOfPatientRelatedSeries", "NumberOfPatientRelatedInstances",
            "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances", "NumberOfSeriesRelatedInstances",
            "SOPClassUID", "AvailableTransferSyntaxUID", "RetrieveAETitle");

    @TempDir
    static Path directory;
    private static ArchiveServer archive;
    private static Dcmqrscp dcmqrscp;
    private static final AtomicInteger RUNS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        archive = ArchiveServer.start(TestDataset.directory());
        dcmqrscp = LoadedDcmqrscp.start(directory.resolve("dcmqrscp"), archive.client(), Map.of());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (dcmqrscp != null) {
            dcmqrscp.close();
        }
        archive.close();
    }

    static Stream<QueryCase> queries() throws Exception {
        return QueryCase.table(TestDataset.instances()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void sameMatchesAsDcmqrscpOrTheStandardsAnswer(QueryCase query) throws Exception {
        Findscu.Result ours = find(archive.port(), ArchiveServer.AE_TITLE, query);
        assertThat(ours.run().output()).as("findscu against our archive").contains("Received Final Find Response (Success)");
        for (Attributes match : ours.matches()) {
            assertThat(keywords(match)).as("every requested key in every response").containsAll(query.requested());
            if (query.requested().contains("SeriesDescription")) {
                assertThat(match.getString(Tag.SeriesDescription)).as("SeriesDescription").isNotBlank();
            }
        }
        List<Map<String, String>> rows = rows(ours.matches(), query.requested());
        if (query.expected() != null) {
            assertThat(rows).as(query.why()).containsExactlyInAnyOrderElementsOf(query.expected());
            return;
        }
        Findscu.Result theirs = find(dcmqrscp.port(), Dcmqrscp.AE_TITLE, query);
        assertThat(theirs.run().output()).as("findscu against dcmqrscp").contains("Received Final Find Response (Success)");
        List<String> compared = query.requested().stream().filter(k -> !NOT_IN_DCMQRSCP.contains(k)).toList();
        assertThat(rows(ours.matches(), compared)).as("our matches vs dcmqrscp's")
                .containsExactlyInAnyOrderElementsOf(rows(theirs.matches(), compared));
        assertThat(rows).hasSize(query.expectedCount());
    }

    @Test
    void responsesInUtf8SayIsoIr192AndTheOthersNoCharacterSet() throws Exception {
        QueryCase patients = QueryCase.of("patients", "-P", "PATIENT", "PatientID", "PatientName");
        for (Attributes match : find(archive.port(), ArchiveServer.AE_TITLE, patients).matches()) {
            String name = match.getString(Tag.PatientName);
            if (name.chars().allMatch(c -> c < 128)) {
                assertThat(match.contains(Tag.SpecificCharacterSet)).as(name).isFalse();
            } else {
                assertThat(match.getString(Tag.SpecificCharacterSet)).as(name).isEqualTo("ISO_IR 192");
            }
        }
        assertThat(find(archive.port(), ArchiveServer.AE_TITLE, patients).matches()).extracting(m -> m.getString(Tag.PatientName))
                .containsExactlyInAnyOrder("DOE^JOHN", "Yamada^Tarou=山田^太郎=やまだ^たろう", "Müller^Jürgen");
    }

    private static Findscu.Result find(int port, String aeTitle, QueryCase query) throws Exception {
        return Findscu.find(directory.resolve("rsp" + RUNS.incrementAndGet()), aeTitle, port, query.root(), query.keys());
    }

    private static Set<String> keywords(Attributes match) {
        Set<String> keywords = new java.util.HashSet<>();
        for (DicomElement element : match) {
            keywords.add(DICTIONARY.keywordOf(element.tag()));
        }
        return keywords;
    }

    /** Each match as keyword to value (values joined by backslash, empty when absent), for {@code keys}. */
    static List<Map<String, String>> rows(List<Attributes> matches, List<String> keys) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Attributes match : matches) {
            Map<String, String> row = new TreeMap<>();
            for (String key : keys) {
                int tag = DICTIONARY.tagOf(key).orElseThrow();
                row.put(key, Stream.of(match.getStrings(tag)).collect(Collectors.joining("\\")));
            }
            rows.add(row);
        }
        return rows;
    }
}
