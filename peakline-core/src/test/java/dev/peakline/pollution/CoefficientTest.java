package dev.peakline.pollution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoefficientTest {
    @Test
    void producedAndEmittedFollowTheManualsFormula() {
        // 2,000 t of product at 1.5 kg/t: G = 3,000 kg; a control removing 90 % that ran 95 % of the time:
        // E = 3,000 × (1 − 0.90 × 0.95) = 3,000 × 0.145 = 435 kg
        Coefficient c = new Coefficient(2000, 1.5, 0.90, 0.95);
        assertThat(c.produced()).isEqualTo(3000.0);
        assertThat(c.emitted()).isCloseTo(435.0, within(1e-9));
        // no control (η = 0), or a control that never ran (k = 0): all that is produced is emitted
        assertThat(new Coefficient(2000, 1.5, 0, 1).emitted()).isEqualTo(3000.0);
        assertThat(new Coefficient(2000, 1.5, 0.9, 0).emitted()).isEqualTo(3000.0);
        // a control removing everything and always running: nothing is emitted
        assertThat(new Coefficient(2000, 1.5, 1, 1).emitted()).isEqualTo(0.0);
    }

    @Test
    void outOfRangeInputsAreRefused() {
        assertThatThrownBy(() -> new Coefficient(-1, 1, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coefficient(1, Double.NaN, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coefficient(1, 1, 1.2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coefficient(1, 1, 0.5, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
