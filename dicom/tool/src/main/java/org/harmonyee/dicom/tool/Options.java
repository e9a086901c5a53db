package org.harmonyee.dicom.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A command's arguments: {@code --flag}, {@code --name VALUE} (or {@code --name=VALUE}; DCMTK-style
 * single-dash names such as {@code -aet} when the command declares them) and the positional arguments, checked against what the command accepts.
 */
final class Options {

    private final Map<String, String> values = new TreeMap<>();
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
                options.values.put(name, "");
            } else if (valued.contains(name)) {
                if (equals < 0 && i + 1 >= arguments.size()) {
                    throw CommandException.usage(name + " needs a value");
                }
                options.values.put(name, equals < 0 ? arguments.get(++i) : argument.substring(equals + 1));
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
        if (!values.containsKey(name)) {
            return -1;
        }
        try {
            long value = Long.parseLong(values.get(name));
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw CommandException.usage(name + ": expected a number of bytes (0 or more), got '" + values.get(name) + "'");
        }
    }

    /** The option's value, or {@code fallback} when it is absent. */
    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
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
