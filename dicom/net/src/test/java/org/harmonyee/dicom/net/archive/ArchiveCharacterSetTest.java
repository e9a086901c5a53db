package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys and responses across character sets: decoded values are matched, responses say what they are in. */
class ArchiveCharacterSetTest {

    private static Attributes instance(String characterSet, String study, String series, String sop, String description) {
        Attributes dataSet = new Attributes();
        if (characterSet != null) {
            dataSet.setString(Tag.SpecificCharacterSet, VR.CS, characterSet);
        }
        dataSet.setString(Tag.PatientName, VR.PN, "Müller^Jürgen");
        dataSet.setString(Tag.PatientID, VR.LO, "P1");
        dataSet.setString(Tag.StudyInstanceUID, VR.UI, study);
        dataSet.setString(Tag.StudyDescription, VR.LO, description);
        dataSet.setString(Tag.SeriesInstanceUID, VR.UI, series);
        dataSet.setString(Tag.SOPInstanceUID, VR.UI, sop);
        dataSet.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        return dataSet;
    }

    private static List<Attributes> find(ArchiveIndex index, Attributes identifier) throws Exception {
        Query query = Query.find(InformationModel.STUDY_ROOT, identifier);
        return index.select(query).stream().map(e -> index.read(e, x -> MatchResponse.of(query, x, "HARMONY"))).toList();
    }

    private static Attributes studies(String characterSet, String name) {
        Attributes identifier = new Attributes();
        identifier.setString(Tag.SpecificCharacterSet, VR.CS, characterSet);
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        identifier.setString(Tag.StudyInstanceUID, VR.UI, "");
        identifier.setString(Tag.PatientName, VR.PN, name);
        identifier.setString(Tag.StudyDescription, VR.LO, "");
        return identifier;
    }

    @Test
    void aLatin1KeyMatchesAUtf8NameAndAResponseMixingSetsIsUtf8() throws Exception {
        ArchiveIndex index = new ArchiveIndex();
        index.add(Path.of("a.dcm"), instance("ISO_IR 100", "1.1", "1.1.1", "1.1.1.1", "Schädel"), UID.ExplicitVRLittleEndian);
        index.add(Path.of("b.dcm"), instance("ISO_IR 192", "1.2", "1.2.1", "1.2.1.1", "Becken portalvenös"),
                UID.ExplicitVRLittleEndian);

        List<Attributes> matches = find(index, studies("ISO_IR 100", "müller*"));
        assertThat(matches).hasSize(2);
        Attributes first = matches.get(0);
        assertThat(first.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 100");
        assertThat(first.get(Tag.PatientName).bytes()).hasSize("Müller^Jürgen".length());
        assertThat(first.getString(Tag.StudyDescription)).isEqualTo("Schädel");
        Attributes second = matches.get(1);
        assertThat(second.getString(Tag.SpecificCharacterSet)).as("patient in Latin-1, study in UTF-8").isEqualTo("ISO_IR 192");
        assertThat(second.getString(Tag.PatientName)).isEqualTo("Müller^Jürgen");
        assertThat(second.get(Tag.PatientName).bytes()).hasSize("Müller^Jürgen".length() + 2);
        assertThat(second.getString(Tag.StudyDescription)).isEqualTo("Becken portalvenös");

        assertThat(find(index, studies("ISO_IR 192", "MÜLLER^JÜRGEN"))).hasSize(2);
        assertThat(find(index, studies("ISO_IR 192", "Muller*"))).isEmpty();
    }

    @Test
    void anAsciiResponseCarriesNoCharacterSetUnlessAsked() throws Exception {
        ArchiveIndex index = new ArchiveIndex();
        Attributes ascii = instance(null, "1.3", "1.3.1", "1.3.1.1", "HEAD");
        ascii.setString(Tag.PatientName, VR.PN, "DOE^JOHN");
        index.add(Path.of("c.dcm"), ascii, UID.ImplicitVRLittleEndian);
        Attributes identifier = studies("ISO_IR 192", "DOE*");
        assertThat(find(index, identifier).get(0).getStrings(Tag.SpecificCharacterSet)).isEmpty();
        assertThat(find(index, identifier).get(0).contains(Tag.SpecificCharacterSet)).as("asked, so returned (empty)").isTrue();
        identifier.remove(Tag.SpecificCharacterSet);
        assertThat(find(index, identifier).get(0).contains(Tag.SpecificCharacterSet)).isFalse();
    }
}
