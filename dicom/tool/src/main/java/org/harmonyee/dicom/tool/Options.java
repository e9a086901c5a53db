package org.harmonyee.dicom.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A command's arguments: {@code --flag}, {@code --name VALUE} (or {@code --name=VALUE}; DCMTK-style
 * single-dash names such as {@code -aet} when the command declares them) and the positional arguments, checked against what the command accepts.
 * A valued option may be repeated ({@code -k A=1 -k B=2}); {@link #value} gives the last one.
 */
final class Options {

    private final Map<String, List<String>> values = new TreeMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    static Options parse(List<String> arguments, Set<String> flags, Set<String> valued) throws CommandException {
        Options options = new Options();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            boolean known = flags.contains(name) || valued.contains(name);
            if (!known && (!argument.startsWith("--") || argument.equals("--"))) {
                options.positional.add(argument);
                continue;
            }
            if (flags.contains(name) && equals < 0) {
                options.values.put(name, List.of());
            } else if (valued.contains(name)) {
                if (equals < 0 && i + 1 >= arguments.size()) {
                    throw CommandException.usage(name + " needs a value");
                }
                String value = equals < 0 ? arguments.get(++i) : argument.substring(equals + 1);
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw CommandException.usage("unknown option '" + argument + "'");
            }
        }
        return options;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A non-negative byte count; -1 when the option is absent. */
    long bytes(String name) throws CommandException {
        return number(name, 0, "a number of bytes (0 or more)");
    }

    /** A count of at least {@code min}; -1 when the option is absent. */
    long count(String name, int min) throws CommandException {
        return number(name, min, "a number (" + min + " or more)");
    }

    private long number(String name, int min, String expected) throws CommandException {
        String text = value(name, null);
        if (text == null) {
            return -1;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw CommandException.usage(name + ": expected " + expected + ", got '" + text + "'");
        }
    }

    /** A port number 1-65535 ({@code min} 0 allows "any free port"), or {@code fallback} when absent. */
    int port(String name, int min, int fallback) throws CommandException {
        String text = value(name, null);
        return text == null ? fallback : port(name, text, min);
    }

    static int port(String what, String text, int min) throws CommandException {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < min || port > 65535) {
            throw CommandException.usage(what + ": expected " + min + "-65535, got '" + text + "'");
        }
        return port;
    }

    /** The option's last value, or {@code fallback} when it is absent. */
    String value(String name, String fallback) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? fallback : all.get(all.size() - 1);
    }

    /** Every value of a repeatable option, in order; empty when absent. */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The positional arguments, in order. */
    List<String> positional() {
        return positional;
    }

    /** The one positional argument the command takes. */
    String single(String what) throws CommandException {
        if (positional.size() != 1) {
            throw CommandException.usage(positional.isEmpty() ? "no " + what + " given" : "one " + what + " only");
        }
        return positional.get(0);
    }
}
