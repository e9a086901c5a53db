package org.harmonyee.dicom.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DA, TM and DT values (PS3.5 6.2) to and from java.time: {@code YYYYMMDD},
 * {@code HH[MM[SS[.F{1,6}]]]} and {@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]}; missing trailing
 * components are their least value. A malformed value is empty, never an exception.
 */
public final class DateTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss.SSSSSS");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}(\\d{2}){0,5}(\\.\\d{1,6})?");

    private DateTimes() {
    }

    public static Optional<LocalDate> parseDate(String value) {
        if (value == null || value.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalTime> parseTime(String value) {
        if (value == null || value.length() < 2) {
            return Optional.empty();
        }
        try {
            int hour = Integer.parseInt(value.substring(0, 2));
            int minute = value.length() >= 4 ? Integer.parseInt(value.substring(2, 4)) : 0;
            int second = value.length() >= 6 ? Integer.parseInt(value.substring(4, 6)) : 0;
            int nanos = value.length() > 7 && value.charAt(6) == '.' ? fraction(value.substring(7)) : 0;
            if (value.length() == 3 || value.length() == 5 || value.length() == 7 || value.length() > 6 && value.charAt(6) != '.') {
                return Optional.empty();
            }
            return Optional.of(LocalTime.of(hour, minute, Math.min(second, 59), nanos));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A DT value; its UTC offset, when it has one, is applied to give the local date-time at that offset. */
    public static Optional<OffsetDateTime> parseDateTime(String value, ZoneOffset defaultOffset) {
        if (value == null || value.length() < 4) {
            return Optional.empty();
        }
        int sign = Math.max(value.indexOf('+'), value.indexOf('-'));
        String local = sign < 0 ? value : value.substring(0, sign);
        if (!DATE_TIME.matcher(local).matches()) {
            return Optional.empty();
        }
        try {
            ZoneOffset offset = sign < 0 ? defaultOffset : parseOffset(value.substring(sign)).orElseThrow();
            int year = Integer.parseInt(local.substring(0, 4));
            int month = local.length() >= 6 ? Integer.parseInt(local.substring(4, 6)) : 1;
            int day = local.length() >= 8 ? Integer.parseInt(local.substring(6, 8)) : 1;
            LocalTime time = local.length() > 8 ? parseTime(local.substring(8)).orElseThrow() : LocalTime.MIDNIGHT;
            return Optional.of(OffsetDateTime.of(LocalDate.of(year, month, day), time, offset));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A UTC offset {@code &ZZXX}, as DT values end with and Timezone Offset From UTC holds. */
    public static Optional<ZoneOffset> parseOffset(String value) {
        if (value == null || value.length() != 5 || value.charAt(0) != '+' && value.charAt(0) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(Integer.parseInt(value.substring(0, 3)),
                    Integer.parseInt(value.charAt(0) + value.substring(3))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static String formatDate(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** {@code HHMMSS}, with {@code .FFFFFF} only when there are fractions of a second. */
    public static String formatTime(LocalTime time) {
        String text = time.format(TIME);
        return time.get(ChronoField.NANO_OF_SECOND) == 0 ? text.substring(0, 6) : text;
    }

    /** {@code YYYYMMDDHHMMSS[.FFFFFF]&ZZXX}. */
    public static String formatDateTime(OffsetDateTime dateTime) {
        String offset = dateTime.getOffset().getId().equals("Z") ? "+0000" : dateTime.getOffset().getId().replace(":", "");
        return formatDate(dateTime.toLocalDate()) + formatTime(dateTime.toLocalTime()) + offset;
    }

    /** A DT value without offset, for the local date-time it names. */
    public static String formatDateTime(LocalDateTime dateTime) {
        return formatDate(dateTime.toLocalDate()) + formatTime(dateTime.toLocalTime());
    }

    private static int fraction(String digits) {
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(digits);
        }
        return Integer.parseInt((digits + "000000").substring(0, 6)) * 1000;
    }
}
