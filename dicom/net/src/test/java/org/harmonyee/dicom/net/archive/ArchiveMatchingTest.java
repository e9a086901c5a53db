package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The attribute matching of PS3.4 C.2.2.2, key by key (a '|' in the table stands for a backslash). */
class ArchiveMatchingTest {

    @ParameterizedTest(name = "{0} key [{1}] vs [{2}] -> {3}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            // universal
            "LO; ; PAT001; true", "LO; ; ; true", "LO; *; ; true", "PN; *; DOE^JOHN; true",
            // single value: case-sensitive, PN case-insensitive
            "LO; PAT001; PAT001; true", "LO; pat001; PAT001; false", "LO; PAT00; PAT001; false", "LO; PAT001; ; false",
            "PN; doe^john; DOE^JOHN; true", "PN; DOE; DOE^JOHN; false", "CS; ct; CT; false",
            // wildcards
            "PN; DOE*; DOE^JOHN; true", "PN; d?e^*; DOE^JOHN; true", "PN; *JOHN; DOE^JOHN; true",
            "PN; *MARY*; DOE^JOHN; false",
            "PN; m?ller*; Müller^Jürgen; true", "PN; *^JÜRGEN; Müller^Jürgen; true",
            "LO; *portal*; CT Abdomen/Becken portalvenös; true",
            "LO; *PORTAL*; CT Abdomen/Becken portalvenös; false", "SH; ACC1*; ACC1001; true", "SH; ACC?; ACC1001; false",
            "LO; a.c*; abc; false", "LO; (x)*; (x)y; true",
            // PN component groups
            "PN; 山田*; Yamada^Tarou=山田^太郎=やまだ^たろう; true",
            "PN; やまだ^たろう; Yamada^Tarou=山田^太郎=やまだ^たろう; true",
            "PN; yamada^tarou; Yamada^Tarou=山田^太郎=やまだ^たろう; true",
            "PN; Yamada*=山田*; Yamada^Tarou=山田^太郎=やまだ^たろう; true",
            "PN; Yamada^Tarou=鈴木*; Yamada^Tarou=山田^太郎=やまだ^たろう; false",
            // date ranges
            "DA; 20240101-20241231; 20240320; true", "DA; 20240101-20241231; 20250102; false",
            "DA; -20231231; 20230610; true",
            "DA; 20250102-; 20250102; true", "DA; 20250103-; 20250102; false", "DA; 2024-2024; 20240115; true",
            "DA; 20240115; 20240115; true", "DA; 20240115; 20240116; false", "DA; 2024.01.01-2024.12.31; 20240320; true",
            "DA; 20240101-; ; false",
            // time ranges: a bound covers its precision
            "TM; -1030; 103012; true", "TM; -1030; 103100; false", "TM; 0815-0816; 081545.123; true",
            "TM; 081545; 081545.123; true",
            "TM; 081546-; 081545.123; false", "TM; 10:30-10:31; 103012; true",
            "DT; 2024-; 20240320081545.123; true", "DT; -2023; 20240320081545; false",
            // list of UIDs
            "UI; 1.2.3|1.2.4; 1.2.4; true", "UI; 1.2.3|1.2.4; 1.2.5; false", "UI; 1.2.3; 1.2.3; true",
            "UI; 1.2.*; 1.2.3; false",
            // any value of a multi-valued key or attribute
            "CS; MR|CT; CT; true", "CS; US; CT|OT; false", "CS; OT; CT|OT; true",
            // binary VR
            "US; 512; 512; true", "US; 512; 256; false"})
    void matching(String vr, String key, String stored, boolean expected) {
        String[] keyValues = key == null ? new String[0] : key.split("\\|", -1);
        String[] storedValues = stored == null ? new String[0] : stored.split("\\|", -1);
        assertThat(KeyMatcher.of(Tag.PatientName, VR.valueOf(vr), keyValues).matches(storedValues)).isEqualTo(expected);
    }
}
