package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotplugemu.arch.spi.BringupWaits;
import org.junit.jupiter.api.Test;

/** The SPI value a backend declares its alive and dead waits with. */
class BringupWaitsValuesTest {
    @Test
    void theKernelDefaultsAreTheGenericSixFiveWaits() {
        assertThat(BringupWaits.KERNEL.alive()).isEqualTo(Duration.ofSeconds(10));
        assertThat(BringupWaits.KERNEL.dead()).isEqualTo(Duration.ofSeconds(10));
        assertThat(BringupWaits.KERNEL.aliveMessage(3)).isEqualTo("CPU3 failed to report alive state");
        assertThat(BringupWaits.KERNEL.deadMessage(12)).isEqualTo("CPU12 failed to report dead state");
    }

    @Test
    void messagesTakeTheCpuNumberAsThePrintkFormatDoes() {
        BringupWaits riscv61 = BringupWaits.KERNEL.withAlive(Duration.ofMillis(1000), "CPU%u: failed to come online")
                .withDead(Duration.ofSeconds(5), "CPU %u: didn't die");
        assertThat(riscv61.aliveMessage(7)).isEqualTo("CPU7: failed to come online");
        assertThat(riscv61.deadMessage(7)).isEqualTo("CPU 7: didn't die");
        assertThat(BringupWaits.describe(riscv61.alive())).isEqualTo("1 s");
        assertThat(BringupWaits.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }

    @Test
    void badValuesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> BringupWaits.KERNEL.withAlive(Duration.ZERO, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alive wait must be positive");
        assertThatThrownBy(() -> BringupWaits.KERNEL.withDead(Duration.ofDays(2), "x")).hasMessageContaining("dead wait");
        assertThatThrownBy(() -> BringupWaits.KERNEL.withDead(Duration.ofSeconds(1), " ")).hasMessageContaining("dead message is blank");
        assertThatThrownBy(() -> BringupWaits.KERNEL.withAlive(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
