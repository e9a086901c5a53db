package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.QueueSource;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultRenderingTest {

    private static final String BOUNDARY = "harmony-7f3a";

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Result match(int n) {
        return Result.json(Json.MAPPER.createObjectNode().put("n", n));
    }

    private static String text(Body body) {
        return new String(body.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void noResultsRenderAnEmptyJsonArray() throws IOException {
        Body body = ResultRendering.jsonArray(ResultStream.of(List.of()));

        assertThat(body.length()).isEqualTo(-1);
        assertThat(Json.parse(body.bytes())).isEqualTo(json("[]"));
    }

    @Test
    void oneResultRendersAOneElementArray() throws IOException {
        Body body = ResultRendering.jsonArray(ResultStream.of(List.of(match(1))));

        assertThat(Json.parse(body.bytes())).isEqualTo(json("[{\"n\":1}]"));
    }

    @Test
    void threeResultsRenderAnArrayOfTheirJsonViewsInOrder() throws IOException {
        Body body = ResultRendering.jsonArray(ResultStream.of(List.of(match(1),
                Result.json(json("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^J\"}]}}")), match(3))));

        assertThat(Json.parse(body.bytes())).isEqualTo(
                json("[{\"n\":1},{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^J\"}]}},{\"n\":3}]"));
    }

    @Test
    void aResultWithoutAJsonViewCannotBeRenderedInAJsonArray() {
        Result part = Result.part(new Headers().set("Content-Type", "application/dicom"), Body.of(new byte[]{1, 2}));
        Body body = ResultRendering.jsonArray(ResultStream.of(List.of(match(1), part)));

        assertThatThrownBy(body::bytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("JSON view");
    }

    record Part(List<String> headers, String content) {
    }

    /** Parses a multipart body (RFC 2046 section 5.1.1) strictly enough to notice a framing error. */
    private static List<Part> parseMultipart(String body, String boundary) {
        String first = "--" + boundary + "\r\n";
        String close = "\r\n--" + boundary + "--\r\n";
        assertThat(body).startsWith(first).endsWith(close);
        String inner = body.substring(first.length(), body.length() - close.length());
        List<Part> parts = new ArrayList<>();
        for (String part : inner.split("\r\n--" + boundary + "\r\n", -1)) {
            int blank = part.indexOf("\r\n\r\n");
            assertThat(blank).as("a part's headers end with an empty line").isNotNegative();
            parts.add(new Part(List.of(part.substring(0, blank).split("\r\n")), part.substring(blank + 4)));
        }
        return parts;
    }

    @Test
    void multipartRendersEachResultAsAPartWithItsHeadersAndAClosingDelimiter() {
        byte[] instance = {'D', 'I', 'C', 'M', 0, (byte) 0xFF, '\r', '\n', 'x'};
        Result dicom = Result.part(new Headers().add("Content-Type", "application/dicom")
                .add("Content-Location", "/studies/1.2/series/3.4/instances/5.6"), Body.of(instance));
        Result jsonOnly = Result.json(json("{\"a\":[1,2]}"));
        Result typedJson = new Result(new Headers().set("Content-Type", "application/dicom+json"),
                json("{\"b\":true}"), Body.empty());

        Body body = ResultRendering.multipart(ResultStream.of(List.of(dicom, jsonOnly, typedJson)), BOUNDARY);
        List<Part> parts = parseMultipart(new String(body.bytes(), StandardCharsets.ISO_8859_1), BOUNDARY);

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).headers()).containsExactly("Content-Type: application/dicom",
                "Content-Location: /studies/1.2/series/3.4/instances/5.6");
        assertThat(parts.get(0).content().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(instance);
        assertThat(parts.get(1).headers()).containsExactly("Content-Type: application/json");
        assertThat(json(parts.get(1).content())).isEqualTo(json("{\"a\":[1,2]}"));
        assertThat(parts.get(2).headers()).as("a part's own Content-Type is kept")
                .containsExactly("Content-Type: application/dicom+json");
        assertThat(json(parts.get(2).content())).isEqualTo(json("{\"b\":true}"));
    }

    @Test
    void multipartOfNoResultsIsOnlyTheClosingDelimiter() {
        Body body = ResultRendering.multipart(ResultStream.of(List.of()), BOUNDARY);

        assertThat(text(body)).isEqualTo("--" + BOUNDARY + "--\r\n");
    }

    @Test
    void theRenderedStreamYieldsTheFirstResultBeforeTheSecondExists() throws Exception {
        QueueSource source = new QueueSource();
        CountDownLatch firstRead = new CountDownLatch(1);
        AtomicBoolean secondProduced = new AtomicBoolean();
        byte[] opening = "[{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        ExecutorService producerThread = Executors.newSingleThreadExecutor();
        try (InputStream in = ResultRendering.jsonArray(ResultStream.of(source)).open()) {
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
                source.queue.add(Optional.of(match(1)));
                try {
                    if (!firstRead.await(5, SECONDS)) {
                        throw new AssertionError("the reader never got result 1");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                secondProduced.set(true);
                source.queue.add(Optional.of(match(2)));
                source.queue.add(Optional.empty());
            }, producerThread);

            assertThat(in.readNBytes(opening.length)).isEqualTo(opening);
            assertThat(secondProduced).as("result 1 was readable before result 2 existed").isFalse();
            assertThat(in.available()).as("nothing available at a result boundary").isZero();
            firstRead.countDown();
            byte[] rest = in.readAllBytes();

            producer.get(5, SECONDS);
            assertThat(new String(rest, StandardCharsets.UTF_8)).isEqualTo(",{\"n\":2}]");
        } finally {
            producerThread.shutdownNow();
            assertThat(producerThread.awaitTermination(5, SECONDS)).isTrue();
        }
    }

    @Test
    void nothingIsAvailableBetweenMultipartParts() throws IOException {
        Body body = ResultRendering.multipart(ResultStream.of(List.of(match(1), match(2))), BOUNDARY);
        byte[] firstPart = ("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n{\"n\":1}\r\n")
                .getBytes(StandardCharsets.UTF_8);

        try (InputStream in = body.open()) {
            assertThat(in.readNBytes(firstPart.length)).isEqualTo(firstPart);
            assertThat(in.available()).isZero();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("--" + BOUNDARY + "\r\n")
                    .endsWith("{\"n\":2}\r\n--" + BOUNDARY + "--\r\n");
        }
    }

    @Test
    void closingTheRenderedStreamClosesTheResults() throws IOException {
        QueueSource source = new QueueSource();
        source.queue.add(Optional.of(match(1)));
        List<Object> ends = new ArrayList<>();
        ResultStream results = ResultStream.of(source).whenEnded(ends::add);
        InputStream in = ResultRendering.multipart(results, BOUNDARY).open();
        assertThat(in.read()).isEqualTo('-');

        in.close();

        assertThat(results.isEnded()).isTrue();
        assertThat(source.closes).hasValue(1);
        assertThat(ends).hasSize(1).containsOnlyNulls();
    }
}
