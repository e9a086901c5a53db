package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.dicom.image.FrameRenderer;
import org.harmonyee.dicom.image.ImagePixels;
import org.harmonyee.dicom.image.RenderedImages;
import org.harmonyee.dicom.image.UnrenderableImageException;
import org.harmonyee.services.dimse.DimseRequests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Rendered resources and thumbnails (PS3.18 10.4.1.1.3, 10.4.1.1.4): the instances retrieved by
 * C-GET, each spooled and rendered by the toolkit ({@code org.harmonyee.dicom.image}) as
 * {@code image/jpeg} or {@code image/png}. One image answers an instance (its first frame), a single
 * frame and every thumbnail (a study's or series' is its first instance that renders; the C-GET is
 * then cancelled); {@code multipart/related} of that image type answers a study or series (each
 * instance that renders, first frame; others such as reports are left out) and a list of frames.
 */
final class RenderedRs {

    private static final System.Logger LOG = System.getLogger(RenderedRs.class.getName());

    private final Path spool;
    private final FetchLevel fetchLevel;

    /**
     * @param spool      where an instance is kept while it is rendered
     * @param fetchLevel the largest unit one C-GET retrieves
     */
    RenderedRs(Path spool, FetchLevel fetchLevel) {
        this.spool = spool;
        this.fetchLevel = fetchLevel;
    }

    ResponseEnvelope retrieveRendered(RequestEnvelope request, DicomWebResource resource, Chain next) {
        boolean thumbnail = resource.action() == DicomWebResource.Action.THUMBNAIL;
        String mediaType = AcceptHeader.renderedMediaType(request);
        RenderingParameters parameters = RenderingParameters.of(request, thumbnail);
        ResultStream instances = WadoRs.retrieve(request, resource, next, fetchLevel, UnaryOperator.identity());
        List<Integer> frames = resource.frames().isEmpty() ? List.of(1) : resource.frames();
        if (resource.level() == DicomWebResource.Level.IMAGE && frames.size() > 1 && !thumbnail) {
            return multipart(mediaType, framesOf(instances, frames, mediaType, parameters));
        }
        if (resource.level() == DicomWebResource.Level.IMAGE || thumbnail) {
            try (instances) {
                Result image = firstRendered(instances, frames.get(0), mediaType, parameters, resource);
                return new ResponseEnvelope(200, new Headers().set("Content-Type", mediaType), image.body());
            }
        }
        Result first = firstRendered(instances, 1, mediaType, parameters, resource);
        return multipart(mediaType, ResultStream.of(new ResultStream.Source() {
            private Result pending = first;

            @Override
            public Optional<Result> next() {
                if (pending != null) {
                    Result result = pending;
                    pending = null;
                    return Optional.of(result);
                }
                return nextRendered(request.exchangeId(), instances, mediaType, parameters);
            }

            @Override
            public void close() {
                instances.close();
            }
        }));
    }

    private static ResponseEnvelope multipart(String mediaType, ResultStream parts) {
        return ResponseEnvelope.streaming(200, new Headers().set("Content-Type", "multipart/related; type=\""
                + mediaType + "\"; boundary=harmony-" + UUID.randomUUID()), parts);
    }

    /**
     * The first instance that renders; those that do not (no pixel data, no decoder) are passed over.
     *
     * @throws GatewayException 406 when none renders, with the first one's reason; 404 for a frame past the last
     */
    private Result firstRendered(ResultStream instances, int frame, String mediaType, RenderingParameters parameters,
                                 DicomWebResource resource) {
        String reason = null;
        for (Optional<Result> part = instances.next(); part.isPresent(); part = instances.next()) {
            try (SpooledInstance spooled = SpooledInstance.of(part.get(), spool)) {
                return render(ImagePixels.read(spooled.file()), spooled, frame, mediaType, parameters);
            } catch (UnrenderableImageException e) {
                reason = reason == null ? e.getMessage() : reason;
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        throw new GatewayException(ProblemType.NOT_ACCEPTABLE, "no instance of " + resource.retrievePath()
                + " can be rendered as " + mediaType + ": " + reason);
    }

    /** The next instance that renders, or empty at the end. */
    private Optional<Result> nextRendered(String exchangeId, ResultStream instances, String mediaType,
                                          RenderingParameters parameters) {
        for (Optional<Result> part = instances.next(); part.isPresent(); part = instances.next()) {
            try (SpooledInstance spooled = SpooledInstance.of(part.get(), spool)) {
                return Optional.of(render(ImagePixels.read(spooled.file()), spooled, 1, mediaType, parameters));
            } catch (UnrenderableImageException e) {
                LOG.log(System.Logger.Level.DEBUG, "{0} rendered: instance {1} left out: {2}", exchangeId,
                        spooledInstance(part.get()), e.getMessage());
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        return Optional.empty();
    }

    private static String spooledInstance(Result part) {
        return part.headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElse("?");
    }

    /** The frames asked of the one instance, each a part, rendered as the caller reads them. */
    private ResultStream framesOf(ResultStream instances, List<Integer> frames, String mediaType,
                                  RenderingParameters parameters) {
        SpooledInstance spooled;
        try (instances) {
            spooled = SpooledInstance.of(instances.next().orElseThrow(), spool);
        }
        try {
            ImagePixels image = ImagePixels.read(spooled.file());
            frames.stream().filter(n -> n > image.numberOfFrames()).findFirst()
                    .ifPresent(n -> { throw pastTheLast(n, image); });
            Iterator<Integer> pending = frames.iterator();
            return ResultStream.of(new ResultStream.Source() {
                @Override
                public Optional<Result> next() {
                    if (!pending.hasNext()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(render(image, spooled, pending.next(), mediaType, parameters));
                    } catch (UnrenderableImageException e) {
                        throw notRenderable(spooled, e);
                    } catch (IOException e) {
                        throw unreadable(e);
                    }
                }

                @Override
                public void close() {
                    spooled.close();
                }
            });
        } catch (UnrenderableImageException e) {
            spooled.close();
            throw notRenderable(spooled, e);
        } catch (IOException e) {
            spooled.close();
            throw unreadable(e);
        } catch (RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    private static Result render(ImagePixels image, SpooledInstance spooled, int frame, String mediaType,
                                 RenderingParameters parameters) throws IOException, UnrenderableImageException {
        if (frame > image.numberOfFrames()) {
            throw pastTheLast(frame, image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderedImages.write(FrameRenderer.render(image, frame, parameters.window(), parameters.viewport()), mediaType,
                parameters.quality(), out);
        return Result.part(new Headers().set("Content-Type", mediaType), Body.of(out.toByteArray()));
    }

    private static GatewayException pastTheLast(int frame, ImagePixels image) {
        return new GatewayException(ProblemType.NOT_FOUND, "frame " + frame + " asked of an instance of "
                + image.numberOfFrames() + " frames");
    }

    private static GatewayException notRenderable(SpooledInstance spooled, UnrenderableImageException e) {
        return new GatewayException(ProblemType.NOT_ACCEPTABLE, "instance " + spooled.instance()
                + " cannot be rendered: " + e.getMessage());
    }

    private static GatewayException unreadable(IOException e) {
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the instance from the PACS cannot be read: "
                + e.getMessage(), e);
    }
}
