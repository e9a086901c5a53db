package org.harmonyee.core.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Envelope;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;

/**
 * Turns a body into the envelope's normalized JSON by its Content-Type, within the content limits,
 * keeping the original bytes available (in memory, or spooled to a temporary file):
 * JSON as is; XML, CSV, forms and multipart converted; binary and other media described by
 * {@code content_type}, {@code size} (and {@code sha256} for binary). A size or count limit is
 * 413, a depth limit or malformed body 400, an unsupported charset 415. Nothing is half-processed:
 * a refused body never reaches middleware or backends.
 */
public final class ContentNormalizer {

    private final ContentLimits limits;
    private final Spooler spooler;

    public ContentNormalizer(ContentLimits limits, Path spoolDirectory) {
        this.limits = limits;
        this.spooler = new Spooler(spoolDirectory);
    }

    public ContentLimits limits() {
        return limits;
    }

    /** Normalizes the envelope's body; an empty body has no normalized view. */
    public void normalize(Envelope envelope) {
        if (envelope.body().length() == 0) {
            return;
        }
        String contentType = envelope.contentType().orElse(null);
        String essence = contentType == null ? null : MediaTypes.essence(contentType);
        ContentKind kind = ContentKind.of(essence);
        Charset declared = contentType == null ? null : charset(contentType);
        switch (kind) {
            case JSON -> text(envelope, bytes -> json(bytes, declared));
            case XML -> text(envelope, bytes -> XmlContent.parse(bytes, declared, limits.maxXmlDepth()));
            case CSV -> text(envelope, bytes -> CsvContent.parse(decode(bytes, declared), limits.maxCsvRows()));
            case FORM -> text(envelope, bytes -> FormContent.parse(decode(bytes, declared),
                    declared == null ? StandardCharsets.UTF_8 : declared, limits.maxFormFields()));
            case MULTIPART -> multipart(envelope, contentType);
            case BINARY, OTHER -> described(envelope, contentType, kind == ContentKind.BINARY);
        }
    }

    @FunctionalInterface
    private interface Parser {
        JsonNode parse(byte[] bytes);
    }

    private void text(Envelope envelope, Parser parser) {
        byte[] bytes = BodyLimit.read(envelope.body(), limits.maxBodySize());
        envelope.body(Body.of(bytes));
        if (bytes.length > 0 && !isBlank(bytes)) {
            envelope.normalizedFromBody(parser.parse(bytes));
        }
    }

    private void multipart(Envelope envelope, String contentType) {
        if (MediaTypes.parameter(contentType, "boundary").filter(b -> !b.isBlank()).isEmpty()) {
            envelope.body().discard();
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "multipart/form-data without a boundary parameter");
        }
        Spooler.Spooled spooled = spooler.spool(envelope.body(), limits.maxBodySize());
        envelope.body(spooled.body());
        try (InputStream in = spooled.body().open()) {
            envelope.normalizedFromBody(MultipartContent.parse(in, contentType, limits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void described(Envelope envelope, String contentType, boolean hashed) {
        Spooler.Spooled spooled = spooler.spool(envelope.body(), limits.maxBodySize());
        envelope.body(spooled.body());
        ObjectNode description = Json.MAPPER.createObjectNode()
                .put("content_type", contentType)
                .put("size", spooled.size());
        if (hashed) {
            description.put("sha256", spooled.sha256());
        }
        envelope.normalizedFromBody(description);
    }

    private static JsonNode json(byte[] bytes, Charset charset) {
        try {
            return charset == null || charset.equals(StandardCharsets.UTF_8)
                    ? Json.parse(bytes)
                    : Json.MAPPER.readTree(new String(bytes, charset));
        } catch (JsonProcessingException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "malformed JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        return new String(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    /** The charset parameter, or null when there is none; an unknown charset is 415. */
    private static Charset charset(String contentType) {
        String name = MediaTypes.parameter(contentType, "charset").orElse(null);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "unsupported charset '" + name + "'", e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
