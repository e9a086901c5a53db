package org.harmonyee.services.dicomweb;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A DICOMweb resource as its path names it, below the endpoint's prefix: a QIDO-RS search at a
 * level (scoped by the UIDs above it), a WADO-RS retrieval of a study, series or instance, or their
 * metadata. {@code /studies} and {@code /studies/{study}} are also where STOW-RS stores
 * ({@link #isStudies()}); the method decides.
 *
 * @param action   what is asked
 * @param level    the level searched or retrieved
 * @param study    the Study Instance UID of the path, or null
 * @param series   the Series Instance UID of the path, or null
 * @param instance the SOP Instance UID of the path, or null
 * @param frames   the frame numbers of {@code /frames/{list}}, in the order asked; else empty
 */
record DicomWebResource(Action action, Level level, String study, String series, String instance,
                        List<Integer> frames) {

    /**
     * What a resource is for: PIXEL_DATA is an instance's {@code /bulkdata/7FE00010} or its
     * {@code /frames/{list}}; RENDERED and THUMBNAIL are {@code /rendered} and {@code /thumbnail}
     * after a study, series, instance or frame list.
     */
    enum Action { SEARCH, RETRIEVE, METADATA, PIXEL_DATA, RENDERED, THUMBNAIL }

    DicomWebResource(Action action, Level level, String study, String series, String instance) {
        this(action, level, study, series, instance, List.of());
    }

    /** The Query/Retrieve levels, by their DIMSE names. */
    enum Level { STUDY, SERIES, IMAGE }

    /** PS3.5 9.1: digits in components separated by periods, 64 characters at most. */
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    /**
     * The resource of a path below the prefix, such as {@code /studies/1.2/series}.
     *
     * @throws GatewayException 404 for a path that names no DICOMweb resource, 400 for a malformed UID in it
     */
    static DicomWebResource of(String path) {
        List<String> segments = path == null || path.isEmpty() || path.equals("/") ? List.of()
                : List.of(path.replaceAll("^/+|/+$", "").split("/", -1));
        DicomWebResource resource = switch (segments.size()) {
            case 1 -> top(segments.get(0));
            case 2 -> named(segments, "studies", null) ? retrieve(Level.STUDY, segments) : null;
            case 3 -> underStudy(segments);
            case 4 -> named(segments, "studies", "series") ? retrieve(Level.SERIES, segments) : null;
            case 5 -> underSeries(segments);
            case 6 -> named(segments, "studies", "series", "instances") ? retrieve(Level.IMAGE, segments) : null;
            case 7 -> named(segments, "studies", "series", "instances") ? underInstance(segments) : null;
            case 8 -> named(segments, "studies", "series", "instances") ? pixelData(segments) : null;
            case 9 -> named(segments, "studies", "series", "instances", "frames") ? renderedFrames(segments) : null;
            default -> null;
        };
        if (resource == null) {
            throw new GatewayException(ProblemType.NOT_FOUND, "'" + (path == null || path.isEmpty() ? "/" : path)
                    + "' is not a QIDO-RS or WADO-RS resource");
        }
        return resource;
    }

    private static DicomWebResource top(String segment) {
        return switch (segment) {
            case "studies" -> new DicomWebResource(Action.SEARCH, Level.STUDY, null, null, null);
            case "series" -> new DicomWebResource(Action.SEARCH, Level.SERIES, null, null, null);
            case "instances" -> new DicomWebResource(Action.SEARCH, Level.IMAGE, null, null, null);
            default -> null;
        };
    }

    private static DicomWebResource underStudy(List<String> segments) {
        if (!segments.get(0).equals("studies")) {
            return null;
        }
        String study = uid(segments.get(1), "study");
        return switch (segments.get(2)) {
            case "series" -> new DicomWebResource(Action.SEARCH, Level.SERIES, study, null, null);
            case "instances" -> new DicomWebResource(Action.SEARCH, Level.IMAGE, study, null, null);
            case "metadata" -> new DicomWebResource(Action.METADATA, Level.STUDY, study, null, null);
            default -> rendered(segments.get(2), new DicomWebResource(Action.RETRIEVE, Level.STUDY, study, null, null));
        };
    }

    private static DicomWebResource underSeries(List<String> segments) {
        if (!named(segments, "studies", "series")) {
            return null;
        }
        DicomWebResource series = retrieve(Level.SERIES, segments);
        return switch (segments.get(4)) {
            case "instances" -> new DicomWebResource(Action.SEARCH, Level.IMAGE, series.study(), series.series(), null);
            case "metadata" -> metadata(series);
            default -> rendered(segments.get(4), series);
        };
    }

    private static DicomWebResource underInstance(List<String> segments) {
        DicomWebResource instance = retrieve(Level.IMAGE, segments);
        return segments.get(6).equals("metadata") ? metadata(instance) : rendered(segments.get(6), instance);
    }

    /** {@code .../frames/{list}/rendered} or {@code /thumbnail}. */
    private static DicomWebResource renderedFrames(List<String> segments) {
        DicomWebResource instance = retrieve(Level.IMAGE, segments);
        List<Integer> frames = frameList(segments.get(7));
        DicomWebResource rendered = rendered(segments.get(8), instance);
        return rendered == null ? null : new DicomWebResource(rendered.action(), Level.IMAGE, instance.study(),
                instance.series(), instance.instance(), frames);
    }

    /** The {@code rendered} or {@code thumbnail} resource of a retrievable one, or null for another word. */
    private static DicomWebResource rendered(String word, DicomWebResource retrieve) {
        Action action = switch (word) {
            case "rendered" -> Action.RENDERED;
            case "thumbnail" -> Action.THUMBNAIL;
            default -> null;
        };
        return action == null ? null : new DicomWebResource(action, retrieve.level(), retrieve.study(), retrieve.series(),
                retrieve.instance());
    }

    /** Whether the even segments (0, 2, 4, ...) are these words. */
    private static boolean named(List<String> segments, String... words) {
        for (int i = 0; i < words.length; i++) {
            if (words[i] != null && !segments.get(2 * i).equals(words[i])) {
                return false;
            }
        }
        return true;
    }

    private static DicomWebResource retrieve(Level level, List<String> segments) {
        return new DicomWebResource(Action.RETRIEVE, level, uid(segments.get(1), "study"),
                level == Level.STUDY ? null : uid(segments.get(3), "series"),
                level == Level.IMAGE ? uid(segments.get(5), "instance") : null);
    }

    /** {@code .../bulkdata/7FE00010} (every frame) or {@code .../frames/{list}}; other bulk data is not served. */
    private static DicomWebResource pixelData(List<String> segments) {
        DicomWebResource instance = retrieve(Level.IMAGE, segments);
        List<Integer> frames;
        if (segments.get(6).equals("bulkdata") && segments.get(7).equalsIgnoreCase("7FE00010")) {
            frames = List.of();
        } else if (segments.get(6).equals("frames")) {
            frames = frameList(segments.get(7));
        } else {
            return null;
        }
        return new DicomWebResource(Action.PIXEL_DATA, Level.IMAGE, instance.study(), instance.series(),
                instance.instance(), frames);
    }

    /** PS3.18 8.3.4: frame numbers from 1, separated by commas. */
    private static List<Integer> frameList(String list) {
        List<Integer> frames = new ArrayList<>();
        for (String number : list.split(",", -1)) {
            if (!number.strip().matches("[1-9][0-9]{0,8}")) {
                throw new GatewayException(ProblemType.MALFORMED_REQUEST, "'" + list + "' is not a frame list"
                        + " (frame numbers from 1, separated by commas)");
            }
            frames.add(Integer.parseInt(number.strip()));
        }
        return List.copyOf(frames);
    }

    private static DicomWebResource metadata(DicomWebResource retrieve) {
        return new DicomWebResource(Action.METADATA, retrieve.level(), retrieve.study(), retrieve.series(),
                retrieve.instance());
    }

    /** A UID of the path, checked. */
    static String uid(String value, String what) {
        if (value.length() > 64 || !UID.matcher(value).matches()) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "'" + value + "' is not a valid " + what
                    + " UID (digits and periods, at most 64 characters)");
        }
        return value;
    }

    /**
     * Whether this is {@code /studies} or {@code /studies/{study}}, the resources of STOW-RS (POST)
     * as well as of a search or retrieval.
     */
    boolean isStudies() {
        return level == Level.STUDY && (action == Action.SEARCH ? study == null : action == Action.RETRIEVE);
    }

    /** The path of this resource's study, series or instance below the prefix, e.g. {@code /studies/1.2/series/3.4}. */
    String retrievePath() {
        StringBuilder path = new StringBuilder("/studies/").append(study);
        if (series != null) {
            path.append("/series/").append(series);
        }
        if (instance != null) {
            path.append("/instances/").append(instance);
        }
        return path.toString();
    }
}
