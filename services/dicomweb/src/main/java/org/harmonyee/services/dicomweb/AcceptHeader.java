package org.harmonyee.services.dicomweb;

import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.image.RenderedImages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a request's Accept header allows (PS3.18 8.7): DICOM JSON for searches and metadata, and for
 * retrievals {@code multipart/related; type="application/dicom"} with the transfer syntaxes the
 * caller takes. A media range with {@code q=0} is refused; an Accept none of whose ranges can be
 * met is 406.
 */
final class AcceptHeader {

    static final String DICOM_JSON = "application/dicom+json";
    private static final Set<String> JSON_RANGES = Set.of("*/*", "application/*", DICOM_JSON, "application/json");
    private static final Set<String> ANY_MULTIPART = Set.of("*/*", "multipart/*");

    /**
     * The transfer syntaxes a retrieval may answer in: {@code any} for {@code transfer-syntax=*}, a
     * wildcard range, or none named (the instance as stored, until transcoding comes); else these UIDs.
     */
    record TransferSyntaxes(boolean any, Set<String> uids) {

        boolean accepts(String uid) {
            return any || uids.contains(uid);
        }
    }

    private AcceptHeader() {
    }

    /** @throws GatewayException 406 unless the caller takes DICOM JSON (or sent no Accept) */
    static void requireDicomJson(RequestEnvelope request, String what) {
        List<String> ranges = ranges(request);
        if (!ranges.isEmpty() && ranges.stream().map(MediaTypes::essence).noneMatch(JSON_RANGES::contains)) {
            throw notAcceptable(request, what + " answers " + DICOM_JSON);
        }
    }

    /** @throws GatewayException 406 unless a range takes multipart/related of application/dicom */
    static TransferSyntaxes transferSyntaxes(RequestEnvelope request) {
        List<String> ranges = ranges(request);
        if (ranges.isEmpty()) {
            return new TransferSyntaxes(true, Set.of());
        }
        boolean any = false;
        Set<String> uids = new LinkedHashSet<>();
        for (String range : ranges) {
            String essence = MediaTypes.essence(range);
            String type = MediaTypes.parameter(range, "type").map(MediaTypes::essence).orElse(null);
            if (ANY_MULTIPART.contains(essence)) {
                any = true;
            } else if (essence.equals("multipart/related") && (type == null || type.equals("application/dicom"))) {
                String syntax = MediaTypes.parameter(range, "transfer-syntax").orElse("*").strip();
                if (syntax.equals("*")) {
                    any = true;
                } else {
                    uids.add(syntax);
                }
            }
        }
        if (!any && uids.isEmpty()) {
            throw notAcceptable(request, "a retrieval answers multipart/related; type=\"application/dicom\"");
        }
        return new TransferSyntaxes(any, Set.copyOf(uids));
    }

    /**
     * Frames of {@code mediaType} in {@code transferSyntaxUid}, as the instance holds them (no transcoding).
     *
     * @throws GatewayException 406 unless a range takes multipart/related of that type (or any
     *         type) with that transfer syntax (or {@code *}, or none named)
     */
    /**
     * The transfer syntax frames are sent in: the first of {@code syntaxes} (the frames' own, then
     * those they may be transcoded to) that the first range taking {@code multipart/related} of
     * {@code mediaType} names, or the frames' own for {@code *}, no {@code transfer-syntax} or no Accept.
     *
     * @throws GatewayException 406 when no range takes any of them
     */
    static String frameSyntax(RequestEnvelope request, String mediaType, List<String> syntaxes) {
        List<String> ranges = ranges(request);
        for (String range : ranges) {
            String essence = MediaTypes.essence(range);
            String type = MediaTypes.parameter(range, "type").map(MediaTypes::essence).orElse(null);
            String syntax = MediaTypes.parameter(range, "transfer-syntax").orElse("*").strip();
            boolean related = essence.equals("multipart/related") && (type == null || type.equals(mediaType));
            if (ANY_MULTIPART.contains(essence) || related && syntax.equals("*")) {
                return syntaxes.get(0);
            }
            if (related && syntaxes.contains(syntax)) {
                return syntax;
            }
        }
        if (!ranges.isEmpty()) {
            throw notAcceptable(request, "the frames are multipart/related; type=\"" + mediaType + "\" in "
                    + String.join(" or ", syntaxes) + " (the gateway does not transcode them to another)");
        }
        return syntaxes.get(0);
    }

    /**
     * The image type of a rendered resource: {@code image/jpeg} (also for {@code image/*},
     * {@code *}{@code /*} or no Accept) or {@code image/png}, named alone or as the {@code type} of
     * {@code multipart/related}; the first range that names one wins.
     *
     * @throws GatewayException 406 when no range takes either
     */
    static String renderedMediaType(RequestEnvelope request) {
        List<String> ranges = ranges(request);
        for (String range : ranges) {
            String essence = MediaTypes.essence(range);
            String type = essence.equals("multipart/related")
                    ? MediaTypes.parameter(range, "type").map(MediaTypes::essence).orElse("image/*") : essence;
            switch (type) {
                case "image/jpeg", "image/*", "*/*", "multipart/*" -> {
                    return RenderedImages.IMAGE_JPEG;
                }
                case "image/png" -> {
                    return RenderedImages.IMAGE_PNG;
                }
                default -> { }
            }
        }
        if (ranges.isEmpty()) {
            return RenderedImages.IMAGE_JPEG;
        }
        throw notAcceptable(request, "a rendered resource answers image/jpeg or image/png");
    }

    /** The media ranges of every Accept header, split at commas outside quotes; {@code q=0} ranges left out. */
    private static List<String> ranges(RequestEnvelope request) {
        List<String> ranges = new ArrayList<>();
        for (String header : request.headers().all("Accept")) {
            StringBuilder range = new StringBuilder();
            boolean quoted = false;
            for (char c : (header + ",").toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == ',' && !quoted) {
                    String done = range.toString().strip();
                    if (!done.isEmpty() && !MediaTypes.parameter(done, "q").map(q -> q.matches("0(\\.0*)?")).orElse(false)) {
                        ranges.add(done);
                    }
                    range.setLength(0);
                } else {
                    range.append(c);
                }
            }
        }
        return ranges;
    }

    private static GatewayException notAcceptable(RequestEnvelope request, String offer) {
        return new GatewayException(ProblemType.NOT_ACCEPTABLE, offer + "; Accept '"
                + String.join(", ", request.headers().all("Accept")) + "' cannot be met");
    }
}
