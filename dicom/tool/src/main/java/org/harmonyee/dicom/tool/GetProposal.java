package org.harmonyee.dicom.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.dict.UidDictionary;
import org.harmonyee.dicom.uid.UID;

/**
 * What {@code get} proposes: the retrieve model, then for each storage SOP class the SCP role and
 * two contexts, the native syntaxes and the image compressions (JPEG baseline first), so that an
 * SCP choosing a context per instance (Orthanc, ours) sends native and JPEG baseline instances as
 * stored. An SCP accepts one syntax per context, so an instance in another compression, or from an
 * SCP that sends a whole class in the first context accepted for it (DCMTK's dcmqrscp), needs its
 * syntax named:
 * {@code --class SecondaryCaptureImageStorage=JPEGBaseline8Bit} proposes one context per named
 * syntax, in that order. Named classes come first, then the common ones below, up to the 128
 * contexts of an association.
 */
final class GetProposal {

    /** The storage classes a C-GET from a PACS commonly returns: images, SR, KOS, PR, RT, PDF. */
    static final List<String> COMMON_STORAGE_CLASSES = List.of(
            UID.CTImageStorage, UID.EnhancedCTImageStorage, UID.LegacyConvertedEnhancedCTImageStorage,
            UID.MRImageStorage, UID.EnhancedMRImageStorage, UID.LegacyConvertedEnhancedMRImageStorage,
            UID.MRSpectroscopyStorage, UID.ComputedRadiographyImageStorage,
            UID.DigitalXRayImageStorageForPresentation, UID.DigitalXRayImageStorageForProcessing,
            UID.DigitalMammographyXRayImageStorageForPresentation, UID.DigitalMammographyXRayImageStorageForProcessing,
            UID.DigitalIntraOralXRayImageStorageForPresentation, UID.BreastTomosynthesisImageStorage,
            UID.UltrasoundImageStorage, UID.UltrasoundMultiFrameImageStorage, UID.EnhancedUSVolumeStorage,
            UID.SecondaryCaptureImageStorage, UID.MultiFrameSingleBitSecondaryCaptureImageStorage,
            UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage,
            UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage,
            UID.MultiFrameTrueColorSecondaryCaptureImageStorage, UID.NuclearMedicineImageStorage,
            UID.PositronEmissionTomographyImageStorage, UID.EnhancedPETImageStorage,
            UID.LegacyConvertedEnhancedPETImageStorage, UID.XRayAngiographicImageStorage, UID.EnhancedXAImageStorage,
            UID.XRayRadiofluoroscopicImageStorage, UID.EnhancedXRFImageStorage, UID.XRay3DAngiographicImageStorage,
            UID.RTImageStorage, UID.RTDoseStorage, UID.RTStructureSetStorage, UID.RTPlanStorage, UID.RTIonPlanStorage,
            UID.RTBeamsTreatmentRecordStorage, UID.VLEndoscopicImageStorage, UID.VLMicroscopicImageStorage,
            UID.VLPhotographicImageStorage, UID.VLWholeSlideMicroscopyImageStorage, UID.VideoEndoscopicImageStorage,
            UID.OphthalmicPhotography8BitImageStorage, UID.OphthalmicTomographyImageStorage,
            UID.BasicTextSRStorage, UID.EnhancedSRStorage, UID.ComprehensiveSRStorage, UID.Comprehensive3DSRStorage,
            UID.XRayRadiationDoseSRStorage, UID.MammographyCADSRStorage, UID.KeyObjectSelectionDocumentStorage,
            UID.GrayscaleSoftcopyPresentationStateStorage, UID.ColorSoftcopyPresentationStateStorage,
            UID.EncapsulatedPDFStorage, UID.EncapsulatedCDAStorage, UID.SegmentationStorage, UID.ParametricMapStorage,
            UID.SpatialRegistrationStorage, UID.DeformableSpatialRegistrationStorage, UID.RawDataStorage,
            UID.TwelveLeadECGWaveformStorage, UID.GeneralECGWaveformStorage, UID.HemodynamicWaveformStorage);

    private static final String[] NATIVE = TransferCapabilities.NATIVE_TRANSFER_SYNTAXES.toArray(String[]::new);
    /** The image compressions, the most common first: an SCP taking the proposer's order picks JPEG baseline. */
    private static final String[] COMPRESSED = {UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit, UID.JPEGLosslessSV1,
        UID.JPEGLossless, UID.JPEG2000Lossless, UID.JPEG2000, UID.JPEGLSLossless, UID.JPEGLSNearLossless, UID.RLELossless};
    private static final UidDictionary UIDS = UidDictionary.standard();
    private static final int MAX_CONTEXTS = 128;

    private GetProposal() {
    }

    /** @param classes the {@code --class} values: a storage class (keyword or UID), optionally {@code =TS,TS...} */
    static Proposal of(String model, List<String> classes) throws CommandException {
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (String value : classes) {
            int equals = value.indexOf('=');
            String sopClass = uid(equals < 0 ? value : value.substring(0, equals), value);
            List<String> syntaxes = new ArrayList<>();
            if (equals >= 0) {
                for (String syntax : value.substring(equals + 1).split(",")) {
                    syntaxes.add(uid(syntax.strip(), value));
                }
            }
            named.put(sopClass, syntaxes);
        }
        Proposal proposal = new Proposal().add(model, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        int contexts = 1;
        for (Map.Entry<String, List<String>> entry : named.entrySet()) {
            int needed = entry.getValue().isEmpty() ? 2 : entry.getValue().size();
            if (contexts + needed > MAX_CONTEXTS) {
                throw CommandException.usage("--class: the named classes and syntaxes need more than the "
                        + MAX_CONTEXTS + " presentation contexts of an association");
            }
            if (entry.getValue().isEmpty()) {
                proposal.add(entry.getKey(), NATIVE).add(entry.getKey(), COMPRESSED);
            } else {
                entry.getValue().forEach(syntax -> proposal.add(entry.getKey(), syntax));
            }
            proposal.scpRole(entry.getKey());
            contexts += needed;
        }
        for (String sopClass : COMMON_STORAGE_CLASSES) {
            if (contexts + 2 > MAX_CONTEXTS) {
                break;
            }
            if (!named.containsKey(sopClass)) {
                proposal.add(sopClass, NATIVE).add(sopClass, COMPRESSED).scpRole(sopClass);
                contexts += 2;
            }
        }
        return proposal;
    }

    private static String uid(String name, String value) throws CommandException {
        if (name.matches("[0-9.]+")) {
            return name;
        }
        return UIDS.uidOf(name).orElseThrow(() -> CommandException.usage("--class " + value + ": unknown UID keyword '"
                + name + "' (give a keyword such as CTImageStorage or JPEGBaseline8Bit, or a UID)"));
    }
}
