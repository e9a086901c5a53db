package org.harmonyee.dicom.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.Corpus;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.data.Values;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DICOM JSON → dataset → DICOM JSON keeps every tag, VR and value. */
class JsonRoundTripTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<Path> corpus() {
        return Corpus.withDataset();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void readingOurJsonGivesTheSameJsonBack(Path file) throws Exception {
        Attributes dataset;
        try (DicomInputStream in = DicomInputStream.open(file)) {
            dataset = in.readDataset();
        } catch (DicomStreamException unreadable) {
            return;
        }
        JsonNode json = MAPPER.readTree(DicomJson.toJson(dataset));

        Attributes reread = DicomJsonReader.inlineOnly().read(json);

        assertThat(JsonEquivalence.compare(json, MAPPER.readTree(DicomJson.toJson(reread)))).as(file.toString()).isEmpty();
    }

    /** Values left in the file (native and fragments) stream into the same JSON as values in memory. */
    @ParameterizedTest
    @MethodSource("samples")
    void bulkDataStreamsIntoTheSameJson(Path file) throws Exception {
        String inMemory;
        try (DicomInputStream in = DicomInputStream.open(file)) {
            inMemory = DicomJson.toJson(in.readDataset());
        } catch (DicomStreamException unreadable) {
            return;
        }
        try (DicomInputStream in = DicomInputStream.open(file).bulkDataThreshold(16)) {
            assertThat(DicomJson.toJson(in.readDataset())).isEqualTo(inMemory);
        }
    }

    static List<Path> samples() {
        return Corpus.files();
    }

    @Test
    void personNamesKeepTheirComponentGroupsAndTextBecomesUtf8() throws Exception {
        JsonNode json = MAPPER.readTree("""
                {"00100010":{"vr":"PN","Value":[{"Alphabetic":"Yamada^Tarou","Ideographic":"山田^太郎","Phonetic":"やまだ^たろう"}]},
                 "00080005":{"vr":"CS","Value":["ISO 2022 IR 87"]},
                 "00280010":{"vr":"US","Value":[512]},
                 "00281050":{"vr":"DS","Value":[40.5, -1000]},
                 "00209165":{"vr":"AT","Value":["0020000D"]}}""");

        Attributes dataset = DicomJsonReader.inlineOnly().read(json);

        assertThat(dataset.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
        assertThat(dataset.getPersonName(Tag.PatientName).orElseThrow().ideographic()).isEqualTo("山田^太郎");
        assertThat(dataset.getPersonName(Tag.PatientName).orElseThrow().phonetic()).isEqualTo("やまだ^たろう");
        assertThat(dataset.getInt(Tag.Rows, 0)).isEqualTo(512);
        assertThat(dataset.getDoubles(Tag.WindowCenter)).containsExactly(40.5, -1000.0);
        assertThat(dataset.getLong(0x00209165)).contains((long) Tag.StudyInstanceUID);
    }

    @Test
    void veryLongIntegersBeyondJsonPrecisionAreStrings() throws Exception {
        Attributes dataset = new Attributes();
        dataset.set(0x00191001, VR.SV, Values.encodeIntegers(new long[] {-(1L << 60), 42}, VR.SV));
        dataset.set(0x00191002, VR.UV, Values.encodeIntegers(new long[] {-1L, 7}, VR.UV));

        JsonNode json = MAPPER.readTree(DicomJson.toJson(dataset));

        assertThat(json.at("/00191001/Value/0").isTextual()).isTrue();
        assertThat(json.at("/00191001/Value/0").asText()).isEqualTo("-1152921504606846976");
        assertThat(json.at("/00191001/Value/1").isNumber()).isTrue();
        assertThat(json.at("/00191002/Value/0").asText()).isEqualTo("18446744073709551615");
        assertThat(json.at("/00191002/Value/1").asLong()).isEqualTo(7);
        Attributes reread = DicomJsonReader.inlineOnly().read(json);
        assertThat(reread.get(0x00191001).bytes()).isEqualTo(dataset.get(0x00191001).bytes());
        assertThat(reread.get(0x00191002).bytes()).isEqualTo(dataset.get(0x00191002).bytes());
    }

    @Test
    void malformedJsonIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> DicomJsonReader.inlineOnly().read(MAPPER.readTree("{\"0010\":{\"vr\":\"PN\"}}")))
                .hasMessageContaining("'0010' is not a tag");
        assertThatThrownBy(() -> DicomJsonReader.inlineOnly().read(MAPPER.readTree("{\"00100010\":{\"vr\":\"XX\"}}")))
                .hasMessageContaining("unknown vr 'XX'");
    }
}
