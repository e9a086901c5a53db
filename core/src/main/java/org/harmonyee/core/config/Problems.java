package org.harmonyee.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems while reading and assembling, to report them all at once. */
public final class Problems {

    private final List<ConfigProblem> problems = new ArrayList<>();

    public void add(Source source, String key, String message) {
        problems.add(new ConfigProblem(source.file(), source.table(), key, message));
    }

    public void add(ConfigProblem problem) {
        problems.add(problem);
    }

    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Whether a problem was already reported in this table or one of its sub-tables. */
    public boolean concerns(Source source) {
        String table = source.table();
        return problems.stream().anyMatch(problem -> problem.file().equals(source.file()) && problem.table() != null
                && (problem.table().equals(table) || problem.table().startsWith(table + ".")));
    }

    public List<ConfigProblem> list() {
        return List.copyOf(problems);
    }

    /** Ends a phase: throws with every problem collected so far, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
