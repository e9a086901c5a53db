package org.harmonyee.dicom.charset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.Corpus;
import org.harmonyee.dicom.Dcmtk;
import org.harmonyee.dicom.Pydicom;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.PersonName;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.DicomInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text values decode as pydicom decodes them, for every character-set sample pydicom ships
 * (single-byte ISO_IR sets, UTF-8, GB18030, ISO 2022 Japanese and Korean, charsets inside
 * sequence items); and encoding a decoded value gives back the bytes of the file.
 */
class SpecificCharacterSetTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path CHARSET_FILES = Corpus.PYDICOM_FILES.resolveSibling("charset_files");
    private static final Set<VR> TEXT = Set.of(VR.PN, VR.LO, VR.SH, VR.ST, VR.LT, VR.UT, VR.UC);

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(CHARSET_FILES)) {
            return files.filter(file -> file.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void textDecodesAsPydicomDecodesIt(Path file) throws Exception {
        Dcmtk.Result pydicom = Pydicom.run("text_values.py", file.toString());
        assertThat(pydicom.status()).as(pydicom.stderr()).isZero();
        JsonNode theirs = MAPPER.readTree(pydicom.stdout());
        Map<String, List<String>> ours = new TreeMap<>();
        try (DicomInputStream in = DicomInputStream.open(file)) {
            collect(in.readDataset(), "", ours);
        }

        assertThat(ours.keySet()).as(file.getFileName().toString()).isNotEmpty();
        theirs.fields().forEachRemaining(field -> {
            List<String> expected = MAPPER.convertValue(field.getValue(), MAPPER.getTypeFactory()
                    .constructCollectionType(List.class, String.class));
            if (!ours.containsKey(field.getKey()) && isPrivate(field.getKey())) {
                return;
            }
            List<String> actual = ours.getOrDefault(field.getKey(), List.of());
            assertThat(normalize(actual)).as(file.getFileName() + " " + field.getKey()).isEqualTo(normalize(expected));
        });
    }

    @ParameterizedTest
    @MethodSource("samples")
    void encodingTheDecodedNameGivesTheFilesBytes(Path file) throws Exception {
        Attributes dataset;
        try (DicomInputStream in = DicomInputStream.open(file)) {
            dataset = in.readDataset();
        }
        DicomElement name = dataset.get(Tag.PatientName);
        if (name == null || name.bytes() == null || name.bytes().length == 0) {
            return;
        }
        byte[] stored = withoutTrailingReturnToAscii(trimPadding(name.bytes()));
        String decoded = dataset.characterSet().decode(stored, true);

        assertThat(dataset.characterSet().encode(decoded, true)).as(file.getFileName() + ": " + decoded)
                .isEqualTo(stored);
    }

    @Test
    void japaneseNamesKeepTheirThreeGroups() {
        SpecificCharacterSet japanese = SpecificCharacterSet.of(new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87"});
        byte[] encoded = japanese.encode("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", true);

        PersonName name = PersonName.parse(japanese.decode(encoded, true));

        assertThat(name.alphabetic()).isEqualTo("ﾔﾏﾀﾞ^ﾀﾛｳ");
        assertThat(name.ideographic()).isEqualTo("山田^太郎");
        assertThat(name.phonetic()).isEqualTo("やまだ^たろう");
        assertThat(new String(encoded, StandardCharsets.ISO_8859_1)).contains("\u001B$B").contains("\u001B(J");
    }

    @Test
    void singleByteExtensionsSwitchG1() {
        SpecificCharacterSet latinAndCyrillic = SpecificCharacterSet.of(new String[] {"ISO 2022 IR 100", "ISO 2022 IR 144"});
        byte[] encoded = latinAndCyrillic.encode("Müller Иванов");

        assertThat(latinAndCyrillic.decode(encoded)).isEqualTo("Müller Иванов");
        assertThat(new String(encoded, StandardCharsets.ISO_8859_1)).contains("\u001B-L").endsWith("\u001B-A");
    }

    @Test
    void koreanAndUtf8AndGb18030() {
        SpecificCharacterSet korean = SpecificCharacterSet.of(new String[] {"", "ISO 2022 IR 149"});
        assertThat(korean.decode(korean.encode("Hong^Gildong=洪^吉洞=홍^길동", true), true))
                .isEqualTo("Hong^Gildong=洪^吉洞=홍^길동");
        assertThat(SpecificCharacterSet.of(new String[] {"ISO_IR 192"}).encode("王^小東"))
                .isEqualTo("王^小東".getBytes(StandardCharsets.UTF_8));
        SpecificCharacterSet gb18030 = SpecificCharacterSet.of(new String[] {"GB18030"});
        assertThat(gb18030.decode(gb18030.encode("王^小东"))).isEqualTo("王^小东");
        assertThat(SpecificCharacterSet.of(new String[] {"ISO_IR 126"}).decode(new byte[] {(byte) 0xC4, (byte) 0xE9}))
                .isEqualTo("Δι");
    }

    private static void collect(Attributes dataset, String prefix, Map<String, List<String>> out) {
        for (DicomElement element : dataset) {
            String key = prefix + TagUtils.toHex(element.tag());
            if (element.vr() == VR.SQ) {
                for (int i = 0; i < dataset.getSequence(element.tag()).size(); i++) {
                    collect(dataset.getSequence(element.tag()).get(i), key + "[" + i + "].", out);
                }
            } else if (TEXT.contains(element.vr())) {
                out.put(key, Arrays.asList(dataset.getStrings(element.tag())));
            }
        }
    }

    /** Both sides without padding, and without the trailing empty name components and groups that carry nothing. */
    private static List<String> normalize(List<String> values) {
        return values.stream().map(value -> Arrays.stream(value.strip().split("=", -1))
                .map(group -> group.replaceAll("\\^+$", "")).reduce((a, b) -> a + "=" + b).orElse("")
                .replaceAll("=+$", "")).toList();
    }

    /**
     * A private element pydicom types from its private dictionary (the file has it as UN); its
     * key's last tag has an odd group.
     */
    private static boolean isPrivate(String key) {
        String tag = key.substring(key.length() - 8);
        return (Integer.parseInt(tag.substring(0, 4), 16) & 1) == 1;
    }

    /** chrKoreanMulti.dcm ends with ESC ( B although G0 never left ASCII: a redundant designation we do not write. */
    private static byte[] withoutTrailingReturnToAscii(byte[] bytes) {
        int n = bytes.length;
        return n >= 3 && bytes[n - 3] == 0x1B && bytes[n - 2] == '(' && bytes[n - 1] == 'B'
                && new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\u001B$B") < 0
                ? Arrays.copyOf(bytes, n - 3) : bytes;
    }

    private static byte[] trimPadding(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }
}
