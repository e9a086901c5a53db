package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identifier {@code -P/-S -L -k} make: keywords, tags, sequence paths, lists, UTF-8, numbers, and what is refused. */
class QueryKeysTest {

    private static QueryKeys keys(QueryKeys.Service service, String... arguments) throws CommandException {
        return QueryKeys.of(Options.parse(List.of(arguments), QueryKeys.FLAGS, QueryKeys.VALUED), service);
    }

    @Test
    void keywordsTagsListsAndReturnKeys() throws Exception {
        QueryKeys query = keys(QueryKeys.Service.FIND, "-L", "series", "-k", "StudyInstanceUID=1.2\\1.3",
                "-k", "(0008,0060)", "-k", "0020,0011=4", "-k", "Rows=512");
        Attributes identifier = query.identifier();
        assertThat(query.model()).isEqualTo(UID.StudyRootQueryRetrieveInformationModelFind);
        assertThat(identifier.getString(Tag.QueryRetrieveLevel)).isEqualTo("SERIES");
        assertThat(identifier.getStrings(Tag.StudyInstanceUID)).containsExactly("1.2", "1.3");
        assertThat(identifier.contains(Tag.Modality)).isTrue();
        assertThat(identifier.get(Tag.Modality).isEmpty()).as("a return key").isTrue();
        assertThat(identifier.getString(Tag.SeriesNumber)).isEqualTo("4");
        assertThat(identifier.getInt(Tag.Rows, -1)).isEqualTo(512);
        assertThat(identifier.contains(Tag.SpecificCharacterSet)).as("ASCII only").isFalse();
    }

    @Test
    void aNonAsciiValueMakesTheIdentifierUtf8() throws Exception {
        Attributes identifier = keys(QueryKeys.Service.FIND, "-P", "-L", "PATIENT", "-k", "PatientName=Müller*").identifier();
        assertThat(identifier.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
        assertThat(identifier.getString(Tag.PatientName)).isEqualTo("Müller*");
    }

    @Test
    void aPathMakesOneSequenceItem() throws Exception {
        Attributes identifier = keys(QueryKeys.Service.FIND, "-k", "ReferencedStudySequence.ReferencedSOPInstanceUID=1.2.3",
                "-k", "ReferencedStudySequence.ReferencedSOPClassUID").identifier();
        assertThat(identifier.getSequence(Tag.ReferencedStudySequence).size()).isEqualTo(1);
        Attributes item = identifier.getSequence(Tag.ReferencedStudySequence).get(0);
        assertThat(item.getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("1.2.3");
        assertThat(item.contains(Tag.ReferencedSOPClassUID)).isTrue();
    }

    @Test
    void theModelFollowsTheRootAndTheService() throws Exception {
        assertThat(keys(QueryKeys.Service.GET, "-P").model()).isEqualTo(UID.PatientRootQueryRetrieveInformationModelGet);
        assertThat(keys(QueryKeys.Service.MOVE).model()).isEqualTo(UID.StudyRootQueryRetrieveInformationModelMove);
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> keys(QueryKeys.Service.FIND, "-P", "-S")).hasMessage("-P and -S exclude each other");
        assertThatThrownBy(() -> keys(QueryKeys.Service.FIND, "-k", "PatientName.PatientID=1"))
                .hasMessageContaining("PatientName is not a sequence");
        assertThatThrownBy(() -> keys(QueryKeys.Service.FIND, "-k", "ReferencedStudySequence=1"))
                .hasMessageContaining("a sequence takes no value");
        assertThatThrownBy(() -> keys(QueryKeys.Service.FIND, "-k", "PixelData=00"))
                .hasMessageContaining("cannot be given on the command line");
    }
}
