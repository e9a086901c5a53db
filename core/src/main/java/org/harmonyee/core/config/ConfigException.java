package org.harmonyee.core.config;

import java.util.List;

/**
 * The configuration cannot be used; carries every problem found, so that an operator fixes them
 * all in one pass. Unchecked: nothing can continue past it, the gateway refuses to start.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder("Invalid configuration (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  - ").append(problem));
        return text.toString();
    }
}
