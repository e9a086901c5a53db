package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.services.dicomweb.DicomWebResource.Level;
import org.harmonyee.services.dimse.DimseRequests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bridge's {@code fetch_level}: the largest unit one C-GET retrieves. A retrieval of a resource
 * above it (a study when it is {@code series}; a study or series when it is {@code instance}) is
 * first listed by a C-FIND at that level, then retrieved by one C-GET per series or instance found,
 * one after the other, their instances streamed as they arrive; at or below it, by one C-GET of the
 * resource. For a PACS that refuses or cannot afford study-level retrieves (sub-operation limits,
 * Out of Resources), at the cost of a C-FIND and an association per unit.
 */
enum FetchLevel {

    STUDY(Level.STUDY), SERIES(Level.SERIES), INSTANCE(Level.IMAGE);

    static final String OPTION = "fetch_level";
    private static final String DEFAULT = "study";

    private final Level level;

    FetchLevel(Level level) {
        this.level = level;
    }

    /** {@code fetch_level}: {@code study} (the default), {@code series} or {@code instance}. */
    static FetchLevel read(Options options) {
        return valueOf(options.oneOf(OPTION, DEFAULT, Set.of("study", "series", "instance")).toUpperCase(Locale.ROOT));
    }

    /** The resource's instances as the C-GET parts of the backend, in as many C-GETs as this level asks. */
    ResultStream retrieve(RequestEnvelope request, DicomWebResource resource, Chain next) {
        if (resource.level().ordinal() >= level.ordinal()) {
            return get(request, resource, next);
        }
        Iterator<DicomWebResource> units = units(request, resource, next).iterator();
        return ResultStream.of(new ResultStream.Source() {
            private ResultStream current;

            @Override
            public Optional<Result> next() {
                while (true) {
                    if (current != null) {
                        Optional<Result> part = current.next();
                        if (part.isPresent()) {
                            return part;
                        }
                        current.close();
                        current = null;
                    }
                    if (!units.hasNext()) {
                        return Optional.empty();
                    }
                    current = get(request, units.next(), next);
                }
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                }
            }
        });
    }

    /** One C-GET of {@code resource}. */
    private static ResultStream get(RequestEnvelope request, DicomWebResource resource, Chain next) {
        return DimseEnvelope.results(next.proceed(DimseEnvelope.of(request, DimseRequests.C_GET,
                identifier(resource.level(), resource.study(), resource.series(), resource.instance()).json())),
                DimseRequests.C_GET);
    }

    /** The series or instances of {@code resource} at this level, by a C-FIND (their UIDs only are kept). */
    private List<DicomWebResource> units(RequestEnvelope request, DicomWebResource resource, Chain next) {
        QueryIdentifier find = identifier(level, resource.study(), resource.series(), null);
        find.returnKey(List.of(Tag.SeriesInstanceUID));
        if (level == Level.IMAGE) {
            find.returnKey(List.of(Tag.SOPInstanceUID));
        }
        List<DicomWebResource> units = new ArrayList<>();
        try (ResultStream matches = DimseEnvelope.results(next.proceed(DimseEnvelope.of(request, DimseRequests.C_FIND,
                find.json())), DimseRequests.C_FIND)) {
            for (Optional<Result> match = matches.next(); match.isPresent(); match = matches.next()) {
                JsonNode json = match.get().json();
                String series = uid(json, "0020000E");
                String instance = level == Level.IMAGE ? uid(json, "00080018") : null;
                if (series != null && (level != Level.IMAGE || instance != null)) {
                    units.add(new DicomWebResource(resource.action(), level, resource.study(), series, instance));
                }
            }
        }
        return units;
    }

    private static String uid(JsonNode match, String tag) {
        String value = match.path(tag).path("Value").path(0).asText("").strip();
        return value.isEmpty() ? null : value;
    }

    /** An identifier at {@code level} matching the UIDs given (null: not matched). */
    private static QueryIdentifier identifier(Level level, String study, String series, String instance) {
        QueryIdentifier identifier = new QueryIdentifier();
        identifier.match(List.of(Tag.QueryRetrieveLevel), List.of(level.name()), "level");
        identifier.match(List.of(Tag.StudyInstanceUID), List.of(study), "path");
        if (series != null) {
            identifier.match(List.of(Tag.SeriesInstanceUID), List.of(series), "path");
        }
        if (instance != null) {
            identifier.match(List.of(Tag.SOPInstanceUID), List.of(instance), "path");
        }
        return identifier;
    }
}
