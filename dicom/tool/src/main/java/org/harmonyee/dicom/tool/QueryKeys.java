package org.harmonyee.dicom.tool;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Sequence;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.dict.ElementDictionary;
import org.harmonyee.dicom.uid.UID;

/**
 * The query/retrieve options of {@code find}, {@code get} and {@code move}: the information model
 * ({@code -P} patient root, {@code -S} study root, the default), the level ({@code -L}, STUDY by
 * default) and the keys ({@code -k KEY[=VALUE]}, repeatable). KEY is a keyword
 * ({@code PatientName}), a tag ({@code 0010,0010} or {@code (0010,0010)}), or a path into
 * sequence items ({@code ReferencedStudySequence.ReferencedSOPInstanceUID}, one item each); a key
 * without a value asks for the attribute to be returned. Values are as in a DICOM identifier:
 * {@code \} separates multiple values, {@code *} and {@code ?} are wildcards, {@code a-b} a range.
 * Non-ASCII values make the identifier UTF-8 (ISO_IR 192).
 */
record QueryKeys(String model, Attributes identifier) {

    static final Set<String> FLAGS = Set.of("-P", "-S");
    static final Set<String> VALUED = Set.of("-L", "-k");
    static final String USAGE = "[-P|-S] [-L PATIENT|STUDY|SERIES|IMAGE] [-k KEY[=VALUE]]...";

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();
    private static final Set<VR> INTEGER_VRS = Set.of(VR.US, VR.SS, VR.UL, VR.SL);
    private static final List<String> LEVELS = List.of("PATIENT", "STUDY", "SERIES", "IMAGE");

    /** The FIND, GET or MOVE SOP class of the chosen model. */
    enum Service { FIND, GET, MOVE }

    static QueryKeys of(Options options, Service service) throws CommandException {
        if (options.has("-P") && options.has("-S")) {
            throw CommandException.usage("-P and -S exclude each other");
        }
        boolean patientRoot = options.has("-P");
        String level = options.value("-L", "STUDY").toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw CommandException.usage("-L: expected PATIENT, STUDY, SERIES or IMAGE, got '" + options.value("-L", "") + "'");
        }
        if (level.equals("PATIENT") && !patientRoot) {
            throw CommandException.usage("-L PATIENT needs the patient root model (-P)");
        }
        Attributes identifier = new Attributes();
        List<String> keys = options.values("-k");
        boolean utf8 = keys.stream().anyMatch(key -> !StandardCharsets.US_ASCII.newEncoder().canEncode(key));
        if (utf8) {
            identifier.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        }
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        for (String key : keys) {
            add(identifier, key);
        }
        return new QueryKeys(model(patientRoot, service), identifier);
    }

    private static String model(boolean patientRoot, Service service) {
        return switch (service) {
            case FIND -> patientRoot ? UID.PatientRootQueryRetrieveInformationModelFind
                    : UID.StudyRootQueryRetrieveInformationModelFind;
            case GET -> patientRoot ? UID.PatientRootQueryRetrieveInformationModelGet
                    : UID.StudyRootQueryRetrieveInformationModelGet;
            case MOVE -> patientRoot ? UID.PatientRootQueryRetrieveInformationModelMove
                    : UID.StudyRootQueryRetrieveInformationModelMove;
        };
    }

    private static void add(Attributes identifier, String key) throws CommandException {
        int equals = key.indexOf('=');
        String path = equals < 0 ? key : key.substring(0, equals);
        String value = equals < 0 ? "" : key.substring(equals + 1);
        String[] names = path.split("\\.");
        Attributes target = identifier;
        for (int i = 0; i < names.length - 1; i++) {
            int tag = tag(names[i], key);
            if (DICTIONARY.vrOf(tag) != VR.SQ) {
                throw CommandException.usage("-k " + key + ": " + names[i] + " is not a sequence");
            }
            Sequence sequence = target.getSequence(tag);
            if (sequence == null) {
                sequence = target.newSequence(tag);
            }
            target = sequence.isEmpty() ? sequence.addItem() : sequence.get(0);
        }
        int tag = tag(names[names.length - 1], key);
        VR vr = DICTIONARY.vrOf(tag);
        if (vr == VR.SQ) {
            if (!value.isEmpty()) {
                throw CommandException.usage("-k " + key + ": a sequence takes no value; give its item's keys as "
                        + path + ".Keyword=value");
            }
            if (target.getSequence(tag) == null) {
                target.newSequence(tag);
            }
        } else if (value.isEmpty()) {
            target.set(tag, vr, new byte[0]);
        } else if (vr.isText()) {
            target.setString(tag, vr, value.split("\\\\", -1));
        } else if (INTEGER_VRS.contains(vr)) {
            target.setInt(tag, vr, integers(key, value));
        } else {
            throw CommandException.usage("-k " + key + ": a " + vr + " value cannot be given on the command line");
        }
    }

    private static int[] integers(String key, String value) throws CommandException {
        String[] parts = value.split("\\\\");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw CommandException.usage("-k " + key + ": expected a number, got '" + parts[i] + "'");
            }
        }
        return numbers;
    }

    private static int tag(String name, String key) throws CommandException {
        String hex = name.replaceAll("[(),]", "");
        if (hex.matches("\\p{XDigit}{8}") && (name.contains(",") || name.length() == 8)) {
            return Integer.parseUnsignedInt(hex, 16);
        }
        return DICTIONARY.tagOf(name).orElseThrow(() -> CommandException.usage(
                "-k " + key + ": unknown keyword '" + name + "' (give a keyword such as PatientName or a tag such as 0010,0010)"));
    }
}
