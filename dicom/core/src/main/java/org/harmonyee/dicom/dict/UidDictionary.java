package org.harmonyee.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups in the PS3.6 UID registry (transfer syntaxes, SOP classes, well-known UIDs), generated
 * with the data dictionary into uids.tsv. Thread-safe; loaded on first use.
 */
public final class UidDictionary {

    /** One registry entry: {@code type} is "Transfer Syntax", "SOP Class", "Well-known SOP Instance" ... */
    public record Entry(String uid, String keyword, String type, String name, boolean retired) {
    }

    private static final UidDictionary STANDARD = load();

    private final Map<String, Entry> byUid;
    private final Map<String, Entry> byKeyword;

    private UidDictionary(Map<String, Entry> byUid, Map<String, Entry> byKeyword) {
        this.byUid = byUid;
        this.byKeyword = byKeyword;
    }

    public static UidDictionary standard() {
        return STANDARD;
    }

    public Optional<Entry> entry(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    public Optional<String> uidOf(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword)).map(Entry::uid);
    }

    /** {@code "Explicit VR Little Endian"}, or the UID itself when the registry lacks it. */
    public String nameOf(String uid) {
        return entry(uid).map(Entry::name).orElse(uid);
    }

    private static UidDictionary load() {
        Map<String, Entry> byUid = new HashMap<>();
        Map<String, Entry> byKeyword = new HashMap<>();
        try (InputStream in = UidDictionary.class.getResourceAsStream("uids.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] field = line.split("\t", -1);
                Entry entry = new Entry(field[0], field[1], field[2], field[3], field[4].equals("R"));
                byUid.putIfAbsent(entry.uid(), entry);
                if (!entry.keyword().isEmpty()) {
                    byKeyword.putIfAbsent(entry.keyword(), entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the UID registry resource is unreadable", e);
        }
        return new UidDictionary(Map.copyOf(byUid), Map.copyOf(byKeyword));
    }
}
