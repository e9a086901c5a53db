package org.harmonyee.dicom.data;

import org.harmonyee.dicom.charset.SpecificCharacterSet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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

    /** Binary integer values; or IS / DS text. */
    public void setInt(int tag, VR vr, int... values) {
        if (vr.isText()) {
            setString(tag, vr, Arrays.stream(values).mapToObj(Integer::toString).toArray(String[]::new));
            return;
        }
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

    /** FL, FD, OF, OD values; or DS / IS text, each written in at most 16 characters. */
    public void setDouble(int tag, VR vr, double... values) {
        if (vr.isText()) {
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = Values.formatDecimal(values[i]);
            }
            setString(tag, vr, text);
        } else {
            set(tag, vr, Values.encodeDoubles(values, vr));
        }
    }

    /** A DA value (YYYYMMDD), or empty when absent or malformed. */
    public Optional<LocalDate> getDate(int tag) {
        return DateTimes.parseDate(getString(tag));
    }

    /** A TM value (HH[MM[SS[.FFFFFF]]]), or empty when absent or malformed. */
    public Optional<LocalTime> getTime(int tag) {
        return DateTimes.parseTime(getString(tag));
    }

    /**
     * A DT value; without its own UTC offset it takes the dataset's Timezone Offset From UTC
     * (0008,0201), or UTC.
     */
    public Optional<OffsetDateTime> getDateTime(int tag) {
        ZoneOffset timezone = DateTimes.parseOffset(getString(Tag.TimezoneOffsetFromUTC)).orElse(ZoneOffset.UTC);
        return DateTimes.parseDateTime(getString(tag), timezone);
    }

    /** A date and a time element together (StudyDate and StudyTime ...); empty without the date. */
    public Optional<LocalDateTime> getDateTime(int dateTag, int timeTag) {
        return getDate(dateTag).map(date -> date.atTime(getTime(timeTag).orElse(LocalTime.MIDNIGHT)));
    }

    public void setDate(int tag, LocalDate date) {
        setString(tag, VR.DA, DateTimes.formatDate(date));
    }

    public void setTime(int tag, LocalTime time) {
        setString(tag, VR.TM, DateTimes.formatTime(time));
    }

    public void setDateTime(int tag, OffsetDateTime dateTime) {
        setString(tag, VR.DT, DateTimes.formatDateTime(dateTime));
    }

    /**
     * The tag of element {@code element} (0x00-0xFF) in {@code creator}'s block of private group
     * {@code group}, or -1 when the dataset reserves no block for that creator (PS3.5 7.8.1).
     */
    public int privateTag(String creator, int group, int element) {
        for (int slot = 0x10; slot <= 0xFF; slot++) {
            if (creator.equals(getString((group << 16) | slot))) {
                return (group << 16) | (slot << 8) | (element & 0xFF);
            }
        }
        return -1;
    }

    /** As {@link #privateTag}, reserving the first free block of the group for the creator when it has none. */
    public int reservePrivateTag(String creator, int group, int element) {
        if ((group & 1) == 0) {
            throw new IllegalArgumentException(String.format("group %04X is not private", group));
        }
        int tag = privateTag(creator, group, element);
        for (int slot = 0x10; tag == -1 && slot <= 0xFF; slot++) {
            if (!contains((group << 16) | slot)) {
                setString((group << 16) | slot, VR.LO, creator);
                tag = (group << 16) | (slot << 8) | (element & 0xFF);
            }
        }
        if (tag == -1) {
            throw new IllegalStateException(String.format("group %04X has no free private block", group));
        }
        return tag;
    }

    /** The private creator that reserves the block of a private tag, or null. */
    public String privateCreatorOf(int tag) {
        return TagUtils.isPrivate(tag) && (tag & 0xFF00) != 0 ? getString(TagUtils.creatorOf(tag)) : null;
    }

    public Optional<PersonName> getPersonName(int tag) {
        return Optional.ofNullable(getString(tag)).map(PersonName::parse);
    }
}
