package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.TestDataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A test archive over the dataset's manifest, for our SCP: C-FIND at STUDY, SERIES and IMAGE level
 * by UID (single value or universal), and C-GET / C-MOVE of the matching files.
 */
final class ManifestArchive implements CFindScp, RetrieveScp {

    private final List<TestDataset.Instance> instances;

    ManifestArchive(List<TestDataset.Instance> instances) {
        this.instances = instances;
    }

    private List<TestDataset.Instance> matching(Attributes keys) throws DimseException {
        String level = keys.getString(Tag.QueryRetrieveLevel);
        if (level == null) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "no QueryRetrieveLevel");
        }
        return instances.stream()
                .filter(i -> matches(keys, Tag.PatientID, i.patientId()))
                .filter(i -> matches(keys, Tag.StudyInstanceUID, i.studyInstanceUid()))
                .filter(i -> matches(keys, Tag.SeriesInstanceUID, i.seriesInstanceUid()))
                .filter(i -> matches(keys, Tag.SOPInstanceUID, i.sopInstanceUid()))
                .toList();
    }

    private static boolean matches(Attributes keys, int tag, String value) {
        String key = keys.getString(tag);
        return key == null || key.isBlank() || key.strip().equals(value);
    }

    @Override
    public void find(ScpContext context, Attributes identifier, Matches matches) throws DimseException, IOException {
        String level = identifier.getString(Tag.QueryRetrieveLevel).strip();
        Function<TestDataset.Instance, String> key = switch (level) {
            case "STUDY" -> TestDataset.Instance::studyInstanceUid;
            case "SERIES" -> TestDataset.Instance::seriesInstanceUid;
            case "IMAGE" -> TestDataset.Instance::sopInstanceUid;
            default -> throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "level " + level);
        };
        Map<String, TestDataset.Instance> distinct = new LinkedHashMap<>();
        for (TestDataset.Instance instance : matching(identifier)) {
            distinct.putIfAbsent(key.apply(instance), instance);
        }
        for (TestDataset.Instance instance : distinct.values()) {
            Attributes match = new Attributes();
            match.setString(Tag.QueryRetrieveLevel, VR.CS, level);
            match.setString(Tag.PatientID, VR.LO, instance.patientId());
            match.setString(Tag.StudyInstanceUID, VR.UI, instance.studyInstanceUid());
            if (!level.equals("STUDY")) {
                match.setString(Tag.SeriesInstanceUID, VR.UI, instance.seriesInstanceUid());
            }
            if (level.equals("IMAGE")) {
                match.setString(Tag.SOPInstanceUID, VR.UI, instance.sopInstanceUid());
                match.setString(Tag.SOPClassUID, VR.UI, instance.sopClassUid());
            }
            if (!matches.send(match)) {
                return;
            }
        }
    }

    @Override
    public List<Path> retrieve(ScpContext context, Attributes identifier) throws DimseException {
        return matching(identifier).stream().map(TestDataset.Instance::file).toList();
    }
}
