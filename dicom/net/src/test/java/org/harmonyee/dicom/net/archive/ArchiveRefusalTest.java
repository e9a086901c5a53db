package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.RetrieveScu;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identifiers that break the rules of PS3.4 C.4.1.2.1 / C.4.2.2.1: refused A900 (identifier does
 * not match SOP class) with an ErrorComment naming the attribute, seen by our SCU and by findscu;
 * the association goes on.
 */
class ArchiveRefusalTest {

    private static final String STUDY_ROOT = UID.StudyRootQueryRetrieveInformationModelFind;
    private static final String PATIENT_ROOT = UID.PatientRootQueryRetrieveInformationModelFind;
    private static ArchiveServer archive;
    private static TestDataset.Instance any;

    @BeforeAll
    static void start() throws Exception {
        archive = ArchiveServer.start(TestDataset.directory());
        any = TestDataset.instances().get(0);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        archive.close();
    }

    private static ScuAssociation open() throws Exception {
        return archive.client().open(archive.remote(), new Proposal()
                .add(STUDY_ROOT, UID.ExplicitVRLittleEndian).add(PATIENT_ROOT, UID.ExplicitVRLittleEndian)
                .add(UID.StudyRootQueryRetrieveInformationModelMove, UID.ExplicitVRLittleEndian)
                .add(UID.StudyRootQueryRetrieveInformationModelGet, UID.ExplicitVRLittleEndian));
    }

    /** Key "keyword=value" pairs into an identifier; "-" as level leaves the level out. */
    private static Attributes identifier(String level, String keys) {
        Attributes identifier = new Attributes();
        if (!level.equals("-")) {
            identifier.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        }
        for (String key : keys.isEmpty() ? new String[0] : keys.split(" ")) {
            String keyword = key.substring(0, key.indexOf('='));
            String value = key.substring(key.indexOf('=') + 1).replace("$STUDY", any.studyInstanceUid());
            int tag = org.harmonyee.dicom.dict.ElementDictionary.standard().tagOf(keyword).orElseThrow();
            identifier.setString(tag, org.harmonyee.dicom.dict.ElementDictionary.standard().vrOf(tag), value);
        }
        return identifier;
    }

    @ParameterizedTest(name = "{0} {1} [{2}] -> {3}")
    @CsvSource(delimiter = ';', value = {
            "S; -; StudyInstanceUID=; QueryRetrieveLevel (0008,0052) missing",
            "S; FOO; StudyInstanceUID=; QueryRetrieveLevel FOO is not a level of Study Root",
            "S; PATIENT; PatientID=; QueryRetrieveLevel PATIENT is not a level of Study Root",
            "S; STUDY; StudyInstanceUID= SeriesInstanceUID=; SeriesInstanceUID (0020,000E) is below the STUDY level",
            "S; STUDY; Modality=CT; Modality (0008,0060) is below the STUDY level",
            "S; SERIES; SOPClassUID=; SOPClassUID (0008,0016) is below the SERIES level",
            "P; PATIENT; StudyDate=20240115; StudyDate (0008,0020) is below the PATIENT level",
            "S; SERIES; SeriesInstanceUID=; StudyInstanceUID (0020,000D) needs one value at SERIES level",
            "S; SERIES; StudyInstanceUID=1.2.* SeriesInstanceUID=; StudyInstanceUID (0020,000D) needs one value at SERIES level",
            "P; STUDY; StudyInstanceUID=; PatientID (0010,0020) needs one value at STUDY level",
            "P; IMAGE; PatientID=PAT001 StudyInstanceUID=$STUDY SOPInstanceUID=; "
                    + "SeriesInstanceUID (0020,000E) needs one value at IMAGE level"})
    void aFindBreakingTheRulesIsRefusedWithItsReason(String root, String level, String keys, String comment) throws Exception {
        try (ScuAssociation association = open()) {
            assertThatThrownBy(() -> association.find(root.equals("S") ? STUDY_ROOT : PATIENT_ROOT, identifier(level, keys)))
                    .isInstanceOfSatisfying(DimseException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
                        assertThat(e.errorComment()).isEqualTo(comment);
                    });
            assertThat(association.find(STUDY_ROOT, identifier("STUDY", "StudyInstanceUID="))).hasSize(4);
        }
    }

    @Test
    void findscuSeesTheStatus() throws Exception {
        Dcmtk.Result noLevel = Dcmtk.run(60, "findscu", "-v", "-S", "-aec", ArchiveServer.AE_TITLE, "-k",
                "StudyInstanceUID", "127.0.0.1", archive.portText());
        assertThat(noLevel.output()).contains("Received Final Find Response (Error: DataSetDoesNotMatchSOPClass)");
        Dcmtk.Result belowLevel = Dcmtk.run(60, "findscu", "-d", "-S", "-aec", ArchiveServer.AE_TITLE, "-k",
                "QueryRetrieveLevel=STUDY", "-k", "SeriesInstanceUID", "127.0.0.1", archive.portText());
        assertThat(belowLevel.output()).contains("DIMSE Status                  : 0xa900")
                .contains("ErrorComment").contains("[SeriesInstanceUID (0020,000E) is below the STUDY level]");
    }

    @Test
    void aRetrieveNeedsTheUniqueKeysAndSelectingNothingIsSuccess() throws Exception {
        try (ScuAssociation association = open()) {
            String move = UID.StudyRootQueryRetrieveInformationModelMove;
            assertThatThrownBy(() -> association.move(move, identifier("STUDY", "PatientID=PAT001"), "ANY",
                    RetrieveScu.Listener.NONE)).isInstanceOfSatisfying(DimseException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
                        assertThat(e.errorComment()).isEqualTo("StudyInstanceUID (0020,000D) missing at STUDY level");
                    });
            assertThatThrownBy(() -> association.move(move, identifier("SERIES", "StudyInstanceUID=1.2.3*"), "ANY",
                    RetrieveScu.Listener.NONE)).isInstanceOfSatisfying(DimseException.class, e ->
                    assertThat(e.errorComment()).isEqualTo("StudyInstanceUID (0020,000D) needs one value at SERIES level"));
            assertThatThrownBy(() -> association.move(move, identifier("STUDY", "StudyInstanceUID=$STUDY SOPInstanceUID=1.2"),
                    "ANY", RetrieveScu.Listener.NONE)).isInstanceOfSatisfying(DimseException.class, e ->
                    assertThat(e.errorComment()).isEqualTo("SOPInstanceUID (0008,0018) is below the STUDY level"));
            assertThatThrownBy(() -> association.move(move, identifier("-", "StudyInstanceUID=$STUDY"), "ANY",
                    RetrieveScu.Listener.NONE)).isInstanceOfSatisfying(DimseException.class, e ->
                    assertThat(e.errorComment()).isEqualTo("QueryRetrieveLevel (0008,0052) missing"));
            RetrieveResult nothing = association.get(UID.StudyRootQueryRetrieveInformationModelGet,
                    identifier("STUDY", "StudyInstanceUID=1.2.3.4.5.6"), (context, dataSet) -> Status.SUCCESS,
                    RetrieveScu.Listener.NONE);
            assertThat(nothing.status()).isEqualTo(Status.SUCCESS);
            assertThat(List.of(nothing.subOperations().completed(), nothing.subOperations().failed()))
                    .containsExactly(0, 0);
        }
    }
}
