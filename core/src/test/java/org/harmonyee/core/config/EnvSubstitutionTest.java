package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvSubstitutionTest {

    private final Problems problems = new Problems();
    private final EnvSubstitution substitution =
            new EnvSubstitution(Map.of("NAME", "value", "HOST", "pacs")::get, problems);

    private String substitute(String text) {
        ObjectNode table = JsonNodeFactory.instance.objectNode().put("key", text);
        substitution.apply(table, new Source("config.toml", "proxy"));
        return table.get("key").textValue();
    }

    @Test
    void aDoubledDollarWritesTheReferenceLiterallyWhetherOrNotTheVariableIsSet() {
        assertThat(substitute("$${NAME}")).isEqualTo("${NAME}");
        assertThat(substitute("$${UNSET}")).isEqualTo("${UNSET}");
        assertThat(substitute("$${NAME:-fallback}")).isEqualTo("${NAME:-fallback}");
        assertThat(substitute("http://${HOST}/$${NAME}/${NAME}")).isEqualTo("http://pacs/${NAME}/value");
        assertThat(problems.isEmpty()).as("an escaped reference is no variable, set or not").isTrue();
    }

    @Test
    void dollarsThatStartNoReferenceStayAsWritten() {
        assertThat(substitute("cost: $5, $$, $NAME")).isEqualTo("cost: $5, $$, $NAME");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void anUnsetVariableWithoutDefaultIsAProblemNamingIt() {
        substitute("${UNSET}");

        assertThat(problems.list()).extracting(ConfigProblem::toString).containsExactly(
                "config.toml: [proxy] key: environment variable UNSET is not set and has no default (write ${UNSET:-default})");
    }
}
