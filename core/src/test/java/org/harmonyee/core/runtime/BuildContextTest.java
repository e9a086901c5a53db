package org.harmonyee.core.runtime;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildContextTest {

    @Test
    void aHostServiceIsFoundByItsInterfaceAndAbsentOtherwise() {
        Supplier<String> service = () -> "from the host";
        BuildContext context = new BuildContext(null, Runnable::run, null, Clock.systemUTC(), "test",
                Map.of(Supplier.class, service));

        assertThat(context.hostService(Supplier.class)).containsSame(service);
        assertThat(context.hostService(Runnable.class)).isEmpty();
        assertThat(new BuildContext(null, Runnable::run, null, Clock.systemUTC(), "test").hostService(Supplier.class))
                .isEmpty();
    }

    @Test
    void aHostServiceMustImplementItsKey() {
        assertThatThrownBy(() -> new BuildContext(null, Runnable::run, null, Clock.systemUTC(), "test",
                Map.of(Runnable.class, "not a runnable")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Runnable");
    }
}
