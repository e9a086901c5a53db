package org.harmonyee.dicom.data;

import org.harmonyee.dicom.charset.SpecificCharacterSet;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A dataset: data elements kept in ascending (unsigned) tag order, with typed access. Text values
 * decode with the dataset's Specific Character Set, inherited from the parent dataset inside
 * sequence items. Not thread-safe.
 */
public final class Attributes implements Iterable<DicomElement> {

    private final Attributes parent;
    private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);

    public Attributes() {
        this(null);
    }

    Attributes(Attributes parent) {
        this.parent = parent;
    }

    /** The dataset holding the sequence this item belongs to; null at the top. */
    public Attributes parent() {
        return parent;
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public DicomElement get(int tag) {
        return elements.get(tag);
    }

    public DicomElement remove(int tag) {
        return elements.remove(tag);
    }

    @Override
    public Iterator<DicomElement> iterator() {
        return elements.values().iterator();
    }

    /** Sets an element; {@code value} is byte[] (little endian), Sequence, Fragments or BulkData. */
    public void set(int tag, VR vr, Object value) {
        elements.put(tag, new DicomElement(tag, vr, value));
    }

    public Sequence newSequence(int tag) {
        Sequence sequence = new Sequence(this);
        set(tag, VR.SQ, sequence);
        return sequence;
    }

    public Sequence getSequence(int tag) {
        DicomElement element = elements.get(tag);
        return element != null && element.value() instanceof Sequence sequence ? sequence : null;
    }

    public SpecificCharacterSet characterSet() {
        DicomElement own = elements.get(Tag.SpecificCharacterSet);
        if (own != null && own.bytes() != null) {
            return SpecificCharacterSet.of(Values.strings(own.bytes(), VR.CS, SpecificCharacterSet.DEFAULT));
        }
        return parent == null ? SpecificCharacterSet.DEFAULT : parent.characterSet();
    }

    /** The text values of an element held in memory; empty when absent or not text. */
    public String[] getStrings(int tag) {
        DicomElement element = elements.get(tag);
        if (element == null || element.bytes() == null) {
            return new String[0];
        }
        VR vr = element.vr();
        if (vr.isText()) {
            return Values.strings(element.bytes(), vr, characterSet());
        }
        if (vr == VR.FL || vr == VR.FD) {
            double[] doubles = Values.doubles(element.bytes(), vr);
            String[] text = new String[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                text[i] = vr == VR.FL ? Float.toString((float) doubles[i]) : Double.toString(doubles[i]);
            }
            return text;
        }
        if (vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL || vr == VR.SV || vr == VR.UV) {
            long[] numbers = Values.integers(element.bytes(), vr);
            String[] text = new String[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                text[i] = vr == VR.UV ? Long.toUnsignedString(numbers[i]) : Long.toString(numbers[i]);
            }
            return text;
        }
        return new String[0];
    }

    /** The first text value, or null. */
    public String getString(int tag) {
        String[] values = getStrings(tag);
        return values.length == 0 ? null : values[0];
    }

    public void setString(int tag, VR vr, String... values) {
        set(tag, vr, Values.encodeStrings(values, vr, characterSet()));
    }

    public Optional<Long> getLong(int tag) {
        long[] values = getLongs(tag);
        return values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    /** Integer values of a binary integer VR, or of IS / DS text values. */
    public long[] getLongs(int tag) {
        DicomElement element = elements.get(tag);
        if (element == null || element.bytes() == null) {
            return new long[0];
        }
        if (element.vr() == VR.IS || element.vr() == VR.DS) {
            String[] text = getStrings(tag);
            long[] values = new long[text.length];
            for (int i = 0; i < text.length; i++) {
                values[i] = (long) Double.parseDouble(text[i]);
            }
            return values;
        }
        return Values.integers(element.bytes(), element.vr());
    }

    public int getInt(int tag, int defaultValue) {
        return getLong(tag).map(Long::intValue).orElse(defaultValue);
    }

    public void setInt(int tag, VR vr, int... values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        set(tag, vr, Values.encodeIntegers(longs, vr));
    }

    /** Floating values of FL / FD, or of DS / IS text values. */
    public double[] getDoubles(int tag) {
        DicomElement element = elements.get(tag);
        if (element == null || element.bytes() == null) {
            return new double[0];
        }
        if (element.vr().isText()) {
            String[] text = getStrings(tag);
            double[] values = new double[text.length];
            for (int i = 0; i < text.length; i++) {
                values[i] = Double.parseDouble(text[i]);
            }
            return values;
        }
        return Values.doubles(element.bytes(), element.vr());
    }

    public void setDouble(int tag, VR vr, double... values) {
        set(tag, vr, Values.encodeDoubles(values, vr));
    }

    /** A DA value (YYYYMMDD), or empty when absent or not a full date. */
    public Optional<LocalDate> getDate(int tag) {
        String value = getString(tag);
        try {
            return value == null || value.length() < 8 ? Optional.empty()
                    : Optional.of(LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A TM value (HH[MM[SS[.FFFFFF]]]), or empty when absent or malformed. */
    public Optional<LocalTime> getTime(int tag) {
        String value = getString(tag);
        if (value == null || value.length() < 2) {
            return Optional.empty();
        }
        try {
            int hour = Integer.parseInt(value.substring(0, 2));
            int minute = value.length() >= 4 ? Integer.parseInt(value.substring(2, 4)) : 0;
            int second = value.length() >= 6 ? Integer.parseInt(value.substring(4, 6)) : 0;
            int nanos = value.length() > 7 ? (int) (Double.parseDouble("0" + value.substring(6)) * 1_000_000_000) : 0;
            return Optional.of(LocalTime.of(hour, minute, Math.min(second, 59), nanos));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Optional<PersonName> getPersonName(int tag) {
        return Optional.ofNullable(getString(tag)).map(PersonName::parse);
    }
}
