package org.harmonyee.dicom.dict;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The data dictionary says what DCMTK's installed dicom.dic says; the UID registry answers both ways. */
class DictionaryTest {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();
    private static final Map<String, String> VR_OF_DCMTK = Map.of("xs", "US", "ox", "OB", "lt", "US", "px", "OB",
            "up", "UL", "na", "UN");

    @Test
    void everyStandardEntryOfDcmtksDictionaryIsOurs() throws IOException {
        List<String> lines = dicomDic();
        Map<String, Integer> keywordCount = new HashMap<>();
        lines.forEach(line -> keywordCount.merge(keyword(line), 1, Integer::sum));
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (String line : lines) {
            String[] field = line.split("\t");
            String keyword = keyword(line);
            VR vr = VR.valueOf(VR_OF_DCMTK.getOrDefault(field[1], field[1]));
            for (int tag : sampleTags(field[0])) {
                ElementDictionary.Entry entry = DICTIONARY.entry(tag).orElse(null);
                checked++;
                if (entry == null || !entry.keyword().equals(keyword) || entry.vr() != vr
                        || entry.retired() != field[4].equals("DICOM/retired")) {
                    differences.add(field[0] + " " + keyword + " " + field[1] + ": " + entry);
                }
            }
            if (keywordCount.get(keyword) == 1 && !DICTIONARY.tagOf(keyword).equals(Optional.of(sampleTags(field[0]).get(0)))) {
                differences.add(keyword + " -> " + DICTIONARY.tagOf(keyword));
            }
        }
        assertThat(differences).isEmpty();
        assertThat(checked).isGreaterThan(4500);
    }

    @Test
    void repeatingGroupsAndSpecialElements() {
        assertThat(DICTIONARY.keywordOf(0x60023000)).isEqualTo("OverlayData");
        assertThat(DICTIONARY.vrOf(0x601E0010)).isEqualTo(VR.US);
        assertThat(DICTIONARY.keywordOf(0x50020005)).isEqualTo("CurveDimensions");
        assertThat(DICTIONARY.keywordOf(0x00020000)).isEqualTo("FileMetaInformationGroupLength");
        assertThat(DICTIONARY.keywordOf(0x00090010)).isEqualTo("PrivateCreator");
        assertThat(DICTIONARY.vrOf(0x00091001)).isEqualTo(VR.UN);
        assertThat(DICTIONARY.tagOf("PatientName")).contains(Tag.PatientName);
        assertThat(DICTIONARY.entry(Tag.PatientName).orElseThrow().vm()).isEqualTo("1");
    }

    @Test
    void uidRegistryBothWays() throws IllegalAccessException {
        UidDictionary registry = UidDictionary.standard();
        assertThat(registry.uidOf("CTImageStorage")).contains(UID.CTImageStorage);
        assertThat(registry.entry(UID.CTImageStorage).orElseThrow().type()).isEqualTo("SOP Class");
        assertThat(registry.entry(UID.ExplicitVRBigEndian).orElseThrow().retired()).isTrue();
        assertThat(registry.nameOf(UID.JPEGLSLossless)).isEqualTo("JPEG-LS Lossless Image Compression");
        assertThat(registry.nameOf("1.2.3.4")).isEqualTo("1.2.3.4");
        for (Field constant : UID.class.getFields()) {
            String uid = (String) constant.get(null);
            assertThat(registry.entry(uid)).as(constant.getName()).isPresent();
            assertThat(registry.uidOf(constant.getName())).as(constant.getName()).contains(uid);
        }
    }

    /** The keyword without the RETIRED_ prefix DCMTK gives retired ones (the retired flag says it). */
    private static String keyword(String line) {
        return line.split("\t")[2].replaceFirst("^RETIRED_", "");
    }

    /** For a range such as (6000-60FF,0010): its first tag and the next even group's. */
    private static List<Integer> sampleTags(String text) {
        String[] parts = text.substring(1, text.length() - 1).split(",");
        int group = Integer.parseInt(parts[0].split("-")[0], 16);
        int element = Integer.parseInt(parts[1].split("-")[0], 16);
        int first = (group << 16) | element;
        if (parts[0].contains("-")) {
            return List.of(first, ((group + 2) << 16) | element);
        }
        return parts[1].contains("-") ? List.of(first, first + 2) : List.of(first);
    }

    private static List<String> dicomDic() throws IOException {
        Path dic;
        try (Stream<Path> candidates = Files.list(Path.of("/usr/share"))) {
            dic = candidates.filter(dir -> dir.getFileName().toString().startsWith("libdcmtk"))
                    .map(dir -> dir.resolve("dicom.dic")).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException("dicom.dic is missing: install dcmtk (./harmony test does)"));
        }
        return Files.readAllLines(dic).stream().filter(line -> !line.startsWith("#") && !line.isBlank())
                .filter(line -> line.split("\t").length >= 5)
                .filter(line -> line.split("\t")[4].equals("DICOM") || line.split("\t")[4].equals("DICOM/retired"))
                .toList();
    }
}
