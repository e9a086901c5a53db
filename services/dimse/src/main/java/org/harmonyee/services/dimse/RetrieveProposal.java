package org.harmonyee.services.dimse;

import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.uid.UID;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a C-GET proposes: the retrieve model, then for each storage SOP class a PACS commonly holds
 * the SCP role and its contexts. A class with pixel data gets a native context and a compressed
 * one, so that a PACS choosing a context per instance (Orthanc) sends each instance as it stores
 * it; a class without pixel data (SR, KOS, PR, PDF, RT plans, waveforms) gets the native one only.
 * Photographic classes, stored as JPEG as a rule, list the compressed context first, the others
 * the native one: a PACS that sends a whole class in the first context accepted for it (DCMTK's
 * dcmqrscp) then sends photographs as stored and converts nothing but between native syntaxes.
 * The same grouping makes what the backend's {@link MoveDestinationScp} accepts ({@link #moveCapabilities}).
 */
final class RetrieveProposal {

    private static final String[] NATIVE = TransferCapabilities.NATIVE_TRANSFER_SYNTAXES.toArray(String[]::new);
    private static final String[] COMPRESSED = {UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit, UID.JPEGLosslessSV1,
        UID.JPEGLossless, UID.JPEG2000Lossless, UID.JPEG2000, UID.JPEGLSLossless, UID.JPEGLSNearLossless,
        UID.RLELossless};

    /** Photographs: compressed first. */
    private static final List<String> PHOTOGRAPHIC = List.of(UID.SecondaryCaptureImageStorage,
            UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage, UID.MultiFrameTrueColorSecondaryCaptureImageStorage,
            UID.VLEndoscopicImageStorage, UID.VLMicroscopicImageStorage, UID.VLSlideCoordinatesMicroscopicImageStorage,
            UID.VLPhotographicImageStorage, UID.OphthalmicPhotography8BitImageStorage, UID.VLWholeSlideMicroscopyImageStorage,
            UID.DermoscopicPhotographyImageStorage);

    /** Other classes with pixel data: native first. */
    private static final List<String> IMAGES = List.of(UID.CTImageStorage, UID.EnhancedCTImageStorage,
            UID.LegacyConvertedEnhancedCTImageStorage, UID.MRImageStorage, UID.EnhancedMRImageStorage,
            UID.EnhancedMRColorImageStorage, UID.LegacyConvertedEnhancedMRImageStorage, UID.ComputedRadiographyImageStorage,
            UID.DigitalXRayImageStorageForPresentation, UID.DigitalXRayImageStorageForProcessing,
            UID.DigitalMammographyXRayImageStorageForPresentation, UID.DigitalMammographyXRayImageStorageForProcessing,
            UID.DigitalIntraOralXRayImageStorageForPresentation, UID.BreastTomosynthesisImageStorage,
            UID.UltrasoundImageStorage, UID.UltrasoundMultiFrameImageStorage, UID.EnhancedUSVolumeStorage,
            UID.MultiFrameSingleBitSecondaryCaptureImageStorage, UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage,
            UID.NuclearMedicineImageStorage, UID.PositronEmissionTomographyImageStorage, UID.EnhancedPETImageStorage,
            UID.LegacyConvertedEnhancedPETImageStorage, UID.XRayAngiographicImageStorage, UID.EnhancedXAImageStorage,
            UID.XRayRadiofluoroscopicImageStorage, UID.EnhancedXRFImageStorage, UID.XRay3DAngiographicImageStorage,
            UID.RTImageStorage, UID.RTDoseStorage, UID.OphthalmicPhotography16BitImageStorage,
            UID.OphthalmicTomographyImageStorage, UID.SegmentationStorage, UID.ParametricMapStorage);

    /** Classes without pixel data: native only. */
    private static final List<String> NON_IMAGES = List.of(UID.BasicTextSRStorage, UID.EnhancedSRStorage,
            UID.ComprehensiveSRStorage, UID.Comprehensive3DSRStorage, UID.XRayRadiationDoseSRStorage,
            UID.MammographyCADSRStorage, UID.KeyObjectSelectionDocumentStorage, UID.GrayscaleSoftcopyPresentationStateStorage,
            UID.ColorSoftcopyPresentationStateStorage, UID.EncapsulatedPDFStorage, UID.EncapsulatedCDAStorage,
            UID.RTStructureSetStorage, UID.RTPlanStorage, UID.RTIonPlanStorage, UID.RTBeamsTreatmentRecordStorage,
            UID.SpatialRegistrationStorage, UID.DeformableSpatialRegistrationStorage, UID.RawDataStorage,
            UID.TwelveLeadECGWaveformStorage, UID.GeneralECGWaveformStorage, UID.HemodynamicWaveformStorage);

    /** Compressed syntaxes that lose nothing: accepted for every image class. */
    private static final List<String> LOSSLESS = List.of(UID.JPEGLosslessSV1, UID.JPEGLossless, UID.JPEG2000Lossless,
            UID.JPEGLSLossless, UID.RLELossless);

    private RetrieveProposal() {
    }

    /**
     * What the move destination accepts, the proposer's order deciding as usual: photographs in any
     * syntax, other images natively or losslessly compressed, classes without pixel data natively,
     * any other storage class as a storage SCP keeps it. A PACS that proposes the same syntaxes for
     * every class in one context per class (dcmqrscp: lossy JPEG first with {@code -xy}) thus
     * sends photographs as stored and never has to compress a CT to lossy JPEG.
     */
    static TransferCapabilities moveCapabilities() {
        Map<String, List<String>> syntaxes = new LinkedHashMap<>();
        syntaxes.put(UID.Verification, TransferCapabilities.NATIVE_TRANSFER_SYNTAXES);
        TransferCapabilities.storageSopClasses().forEach(sopClass -> syntaxes.put(sopClass,
                TransferCapabilities.STORAGE_TRANSFER_SYNTAXES));
        List<String> compressed = List.of(COMPRESSED);
        PHOTOGRAPHIC.forEach(sopClass -> syntaxes.put(sopClass, concat(TransferCapabilities.NATIVE_TRANSFER_SYNTAXES,
                compressed)));
        IMAGES.forEach(sopClass -> syntaxes.put(sopClass, concat(TransferCapabilities.NATIVE_TRANSFER_SYNTAXES,
                LOSSLESS)));
        NON_IMAGES.forEach(sopClass -> syntaxes.put(sopClass, TransferCapabilities.NATIVE_TRANSFER_SYNTAXES));
        return new TransferCapabilities(syntaxes);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The proposal for a C-GET in {@code model}: at most 128 contexts, as an association allows. */
    static Proposal of(String model) {
        Proposal proposal = new Proposal().add(model, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        for (String sopClass : PHOTOGRAPHIC) {
            proposal.add(sopClass, COMPRESSED).add(sopClass, NATIVE).scpRole(sopClass);
        }
        for (String sopClass : IMAGES) {
            proposal.add(sopClass, NATIVE).add(sopClass, COMPRESSED).scpRole(sopClass);
        }
        for (String sopClass : NON_IMAGES) {
            proposal.add(sopClass, NATIVE).scpRole(sopClass);
        }
        return proposal;
    }
}
