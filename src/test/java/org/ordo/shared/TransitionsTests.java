package org.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionsTests {

    enum Light {
        RED,
        GREEN,
        OFF
    }

    @Test
    void aStateWithoutARowIsRefusedWhenTheTableIsDeclared() {
        assertThatThrownBy(() -> Transitions.of(
                        "Light", Light.class, Map.of(Light.RED, List.of(Light.GREEN), Light.GREEN, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OFF");
    }

    @Test
    void nextStatesComeInDeclarationOrderWhateverOrderTheTableGivesThem() {
        Transitions<Light> table = Transitions.of(
                "Light",
                Light.class,
                Map.of(
                        Light.RED,
                        List.of(Light.OFF, Light.GREEN),
                        Light.GREEN,
                        List.of(Light.RED),
                        Light.OFF,
                        List.of()));
        assertThat(table.next(Light.RED)).containsExactly(Light.GREEN, Light.OFF);
        assertThat(table.next(Light.OFF)).isEmpty();
    }
}
