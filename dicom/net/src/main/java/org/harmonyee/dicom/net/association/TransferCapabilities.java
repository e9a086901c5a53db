package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.uid.UID;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The abstract syntaxes an acceptor supports, each with the transfer syntaxes it accepts in order
 * of preference. Immutable.
 */
public final class TransferCapabilities {

    /** Syntaxes a storage SCP can keep as received: the native ones and the usual compressed ones. */
    public static final List<String> STORAGE_TRANSFER_SYNTAXES = List.of(UID.ExplicitVRLittleEndian,
            UID.ImplicitVRLittleEndian, UID.ExplicitVRBigEndian, UID.DeflatedExplicitVRLittleEndian,
            UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit, UID.JPEGLossless, UID.JPEGLosslessSV1, UID.JPEGLSLossless,
            UID.JPEGLSNearLossless, UID.JPEG2000Lossless, UID.JPEG2000, UID.RLELossless);
    public static final List<String> NATIVE_TRANSFER_SYNTAXES = List.of(UID.ExplicitVRLittleEndian,
            UID.ImplicitVRLittleEndian);
    public static final List<String> QUERY_RETRIEVE_SOP_CLASSES = List.of(
            UID.PatientRootQueryRetrieveInformationModelFind, UID.StudyRootQueryRetrieveInformationModelFind,
            UID.PatientRootQueryRetrieveInformationModelGet, UID.StudyRootQueryRetrieveInformationModelGet,
            UID.PatientRootQueryRetrieveInformationModelMove, UID.StudyRootQueryRetrieveInformationModelMove);

    private final Map<String, List<String>> syntaxes;

    public TransferCapabilities(Map<String, List<String>> syntaxes) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        syntaxes.forEach((sopClass, transferSyntaxes) -> copy.put(sopClass, List.copyOf(transferSyntaxes)));
        this.syntaxes = Map.copyOf(copy);
    }

    /** Verification, every storage SOP class, and patient/study-root FIND, GET and MOVE. */
    public static TransferCapabilities defaults() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(UID.Verification, NATIVE_TRANSFER_SYNTAXES);
        for (String storage : storageSopClasses()) {
            map.put(storage, STORAGE_TRANSFER_SYNTAXES);
        }
        for (String queryRetrieve : QUERY_RETRIEVE_SOP_CLASSES) {
            map.put(queryRetrieve, NATIVE_TRANSFER_SYNTAXES);
        }
        return new TransferCapabilities(map);
    }

    /** The storage SOP classes of the registry: the "...Storage" UIDs under 1.2.840.10008.5.1.4.1.1. */
    public static Set<String> storageSopClasses() {
        Set<String> classes = new TreeSet<>();
        for (Field field : UID.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && field.getName().endsWith("Storage")) {
                String uid = value(field);
                if (uid.startsWith("1.2.840.10008.5.1.4.1.1.")) {
                    classes.add(uid);
                }
            }
        }
        return classes;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy where {@code abstractSyntax} accepts {@code transferSyntaxes}, in that order of preference. */
    public TransferCapabilities with(String abstractSyntax, List<String> transferSyntaxes) {
        Map<String, List<String>> copy = new LinkedHashMap<>(syntaxes);
        copy.put(abstractSyntax, transferSyntaxes);
        return new TransferCapabilities(copy);
    }

    public boolean supports(String abstractSyntax) {
        return syntaxes.containsKey(abstractSyntax);
    }

    /** The accepted syntaxes for an abstract syntax, in preference order; empty when unsupported. */
    public List<String> transferSyntaxes(String abstractSyntax) {
        return syntaxes.getOrDefault(abstractSyntax, List.of());
    }
}
