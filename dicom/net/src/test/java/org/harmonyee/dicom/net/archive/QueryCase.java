package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.net.peers.TestDataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One findscu query of {@link ArchiveFindInteropTest}: root ({@code -P}/{@code -S}), level and keys
 * ({@code -k} syntax); with {@code expected} rows (keyword to value) where dcmqrscp does not give
 * the standard's answer, and {@code why}.
 */
record QueryCase(String name, String root, String level, List<String> keys, List<Map<String, String>> expected,
                 String why, int expectedCount) {

    static QueryCase of(String name, String root, String level, String... keys) {
        return new QueryCase(name, root, level, List.of(keys), null, null, -1);
    }

    /** The same query, with the number of matches it must have in both archives. */
    QueryCase count(int matches) {
        return new QueryCase(name, root, level, keys, expected, why, matches);
    }

    /** The same query, answered as the standard says rather than as dcmqrscp does. */
    QueryCase expect(String reason, List<Map<String, String>> rows) {
        return new QueryCase(name, root, level, keys, rows, reason, -1);
    }

    /** findscu's -k arguments. */
    @Override
    public List<String> keys() {
        List<String> all = new ArrayList<>(List.of("QueryRetrieveLevel=" + level));
        all.addAll(keys);
        return all;
    }

    /** The keywords of the keys, each of which must come back in every response. */
    List<String> requested() {
        return keys().stream().map(k -> k.contains("=") ? k.substring(0, k.indexOf('=')) : k).toList();
    }

    @Override
    public String toString() {
        return (root.equals("-P") ? "Patient Root " : "Study Root ") + level + ": " + name;
    }

    static List<QueryCase> table(List<TestDataset.Instance> instances) {
        Dataset d = new Dataset(instances);
        String studyKeys = "StudyInstanceUID,PatientName,PatientID,PatientBirthDate,PatientSex,StudyDate,StudyTime,"
                + "AccessionNumber,StudyID,StudyDescription,ReferringPhysicianName";
        return List.of(
                of("universal, every study key", "-S", "STUDY", studyKeys.split(",")).count(4),
                of("exact PatientID", "-S", "STUDY", "StudyInstanceUID", "PatientID=PAT001", "StudyDate").count(2),
                of("wildcard PatientName DOE*", "-S", "STUDY", "StudyInstanceUID", "PatientName=DOE*").count(2),
                of("wildcard PatientName Yamada* (first component group)", "-S", "STUDY", "StudyInstanceUID",
                        "PatientName=Yamada*").count(1),
                of("wildcard PatientName *山田* in UTF-8", "-S", "STUDY", "SpecificCharacterSet=ISO_IR 192",
                        "StudyInstanceUID", "PatientName=*山田*").count(1),
                of("StudyDate range", "-S", "STUDY", "StudyInstanceUID", "StudyDate=20240101-20241231").count(2),
                of("StudyDate up to", "-S", "STUDY", "StudyInstanceUID", "StudyDate=-20231231").count(1),
                of("StudyDate from", "-S", "STUDY", "StudyInstanceUID", "StudyDate=20250101-").count(1),
                of("StudyTime range", "-S", "STUDY", "StudyInstanceUID", "StudyTime=080000-120000").count(2),
                of("AccessionNumber wildcard", "-S", "STUDY", "StudyInstanceUID", "AccessionNumber=ACC1*").count(2),
                of("StudyID exact", "-S", "STUDY", "StudyInstanceUID", "StudyID=2001").count(1),
                of("StudyDescription wildcard", "-S", "STUDY", "StudyInstanceUID", "StudyDescription=*CONTRAST*").count(2),
                of("ReferringPhysicianName wildcard", "-S", "STUDY", "StudyInstanceUID",
                        "ReferringPhysicianName=HOUSE^*").count(2),
                of("list of StudyInstanceUIDs", "-S", "STUDY", "StudyInstanceUID=" + d.study(0) + "\\" + d.study(2),
                        "PatientID").count(2),
                of("no match", "-S", "STUDY", "StudyInstanceUID", "PatientID=NOBODY").count(0),
                of("series of a study", "-S", "SERIES", "StudyInstanceUID=" + d.study(0), "SeriesInstanceUID",
                        "Modality", "SeriesNumber", "SeriesDescription").count(3),
                of("series by Modality", "-S", "SERIES", "StudyInstanceUID=" + d.study(3), "SeriesInstanceUID",
                        "Modality=CT", "SeriesNumber").count(3),
                of("images of a series", "-S", "IMAGE", "StudyInstanceUID=" + d.study(2),
                        "SeriesInstanceUID=" + d.seriesOf(2).get(0), "SOPInstanceUID", "InstanceNumber").count(
                        d.instancesOf(d.seriesOf(2).get(0)).size()),
                of("image by InstanceNumber", "-S", "IMAGE", "StudyInstanceUID=" + d.study(0),
                        "SeriesInstanceUID=" + d.seriesOf(0).get(0), "SOPInstanceUID", "InstanceNumber=5").count(1),
                of("universal patients", "-P", "PATIENT", "PatientID", "PatientName", "PatientBirthDate", "PatientSex")
                        .count(3),
                of("patients by wildcard M*", "-P", "PATIENT", "SpecificCharacterSet=ISO_IR 192", "PatientID",
                        "PatientName=M*").count(1),
                of("birth date range", "-P", "PATIENT", "PatientID", "PatientBirthDate=19700101-19791231").count(1),
                of("studies of a patient", "-P", "STUDY", "PatientID=PAT001", "StudyInstanceUID", "StudyDate",
                        "AccessionNumber").count(2),
                of("series of a patient's study", "-P", "SERIES", "PatientID=PAT001", "StudyInstanceUID=" + d.study(1),
                        "SeriesInstanceUID", "Modality=MR").count(2),
                of("images of a patient's series", "-P", "IMAGE", "PatientID=" + d.patientOf(3),
                        "StudyInstanceUID=" + d.study(3), "SeriesInstanceUID=" + d.seriesOf(3).get(0), "SOPInstanceUID",
                        "InstanceNumber").count(d.instancesOf(d.seriesOf(3).get(0)).size()),
                of("lower-case doe*", "-S", "STUDY", "StudyInstanceUID", "PatientName=doe*").expect(
                        "PN matching is case-insensitive here; dcmqrscp compares case-sensitively and finds nothing",
                        d.studiesOf("PAT001").stream().map(uid -> row("QueryRetrieveLevel", "STUDY",
                                "StudyInstanceUID", uid, "PatientName", "DOE^JOHN")).toList()),
                of("M?ller* in UTF-8", "-S", "STUDY", "SpecificCharacterSet=ISO_IR 192", "StudyInstanceUID",
                        "PatientName=M?ller*").expect(
                        "'?' is one character (PS3.4 C.2.2.2.4); dcmqrscp takes it for one byte, and ü is two in UTF-8",
                        List.of(row("SpecificCharacterSet", "ISO_IR 192", "QueryRetrieveLevel", "STUDY",
                                "StudyInstanceUID", d.studiesOf("PAT003").get(0), "PatientName", "Müller^Jürgen"))),
                of("StudyTime up to 10:30", "-S", "STUDY", "StudyInstanceUID", "StudyTime=-1030").expect(
                        "a bound covers its precision, -1030 reaches 10:30:59.999999 (as dcm4chee reads it); dcmqrscp "
                                + "stops at 10:30:00 and leaves out the study of 10:30:12",
                        List.of(row("QueryRetrieveLevel", "STUDY", "StudyInstanceUID", d.study(0), "StudyTime", "103012"),
                                row("QueryRetrieveLevel", "STUDY", "StudyInstanceUID", d.study(1), "StudyTime",
                                        "081545.123"))),
                of("ModalitiesInStudy and the study counts", "-S", "STUDY", "StudyInstanceUID", "ModalitiesInStudy=CT",
                        "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances").expect(
                        "dcmqrscp supports neither Modalities in Study nor the counts (PS3.4 C.6.2.1.2)",
                        Stream.of(d.study(0), d.study(3)).map(uid -> row("QueryRetrieveLevel", "STUDY",
                                "StudyInstanceUID", uid, "ModalitiesInStudy", d.modalitiesOf(uid),
                                "NumberOfStudyRelatedSeries", Integer.toString(d.seriesOf(uid).size()),
                                "NumberOfStudyRelatedInstances", Integer.toString(d.instancesOfStudy(uid)))).toList()),
                of("patient counts", "-P", "PATIENT", "PatientID", "NumberOfPatientRelatedStudies",
                        "NumberOfPatientRelatedSeries", "NumberOfPatientRelatedInstances").expect(
                        "dcmqrscp does not return the Number of Patient Related ... counts (PS3.4 C.6.1.1.2)",
                        d.patients().stream().map(id -> row("QueryRetrieveLevel", "PATIENT", "PatientID", id,
                                "NumberOfPatientRelatedStudies", Integer.toString(d.studiesOf(id).size()),
                                "NumberOfPatientRelatedSeries", Integer.toString(d.seriesOfPatient(id)),
                                "NumberOfPatientRelatedInstances", Integer.toString(d.instancesOfPatient(id)))).toList()),
                of("SOPClassUID of images", "-S", "IMAGE", "StudyInstanceUID=" + d.study(0),
                        "SeriesInstanceUID=" + d.seriesOf(0).get(2), "SOPInstanceUID", "SOPClassUID").expect(
                        "dcmqrscp does not return SOP Class UID, a key of the IMAGE level (PS3.4 C.6.2.1.4)",
                        d.instancesOf(d.seriesOf(0).get(2)).stream().map(i -> row("QueryRetrieveLevel", "IMAGE",
                                "StudyInstanceUID", d.study(0), "SeriesInstanceUID", d.seriesOf(0).get(2),
                                "SOPInstanceUID", i.sopInstanceUid(), "SOPClassUID", i.sopClassUid())).toList()));
    }

    private static Map<String, String> row(String... keywordsAndValues) {
        Map<String, String> row = new TreeMap<>();
        for (int i = 0; i < keywordsAndValues.length; i += 2) {
            row.put(keywordsAndValues[i], keywordsAndValues[i + 1]);
        }
        return row;
    }

    /** The manifest in the shapes the table needs; studies in the order they first appear. */
    private record Dataset(List<TestDataset.Instance> instances) {

        String study(int n) {
            return instances.stream().map(TestDataset.Instance::studyInstanceUid).distinct().toList().get(n);
        }

        List<String> patients() {
            return instances.stream().map(TestDataset.Instance::patientId).distinct().toList();
        }

        String patientOf(int study) {
            return instances.stream().filter(i -> i.studyInstanceUid().equals(study(study))).findFirst().orElseThrow()
                    .patientId();
        }

        List<String> studiesOf(String patientId) {
            return distinct(i -> i.patientId().equals(patientId), TestDataset.Instance::studyInstanceUid);
        }

        List<String> seriesOf(int study) {
            return seriesOf(study(study));
        }

        List<String> seriesOf(String studyUid) {
            return distinct(i -> i.studyInstanceUid().equals(studyUid), TestDataset.Instance::seriesInstanceUid);
        }

        int seriesOfPatient(String patientId) {
            return distinct(i -> i.patientId().equals(patientId), TestDataset.Instance::seriesInstanceUid).size();
        }

        List<TestDataset.Instance> instancesOf(String seriesUid) {
            return instances.stream().filter(i -> i.seriesInstanceUid().equals(seriesUid)).toList();
        }

        int instancesOfStudy(String studyUid) {
            return (int) instances.stream().filter(i -> i.studyInstanceUid().equals(studyUid)).count();
        }

        int instancesOfPatient(String patientId) {
            return (int) instances.stream().filter(i -> i.patientId().equals(patientId)).count();
        }

        /** Modalities in Study from the generator's manifest, in series order. */
        String modalitiesOf(String studyUid) {
            Map<String, String> modalityOfSeries = new LinkedHashMap<>();
            for (org.harmonyee.dicom.TestDataset.Instance instance : org.harmonyee.dicom.TestDataset.instances()) {
                modalityOfSeries.put(instance.seriesInstanceUid(), instance.modality());
            }
            return seriesOf(studyUid).stream().map(modalityOfSeries::get).distinct().collect(Collectors.joining("\\"));
        }

        private List<String> distinct(java.util.function.Predicate<TestDataset.Instance> filter,
                                      Function<TestDataset.Instance, String> value) {
            return instances.stream().filter(filter).map(value).distinct().toList();
        }
    }
}
