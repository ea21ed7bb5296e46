package org.hotplugemu.arch.x86.apic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.x86.smpboot.WakeupSequence;
import org.junit.jupiter.api.Test;

class IcrTest {
    @Test
    void initAssertIsLevelTriggeredAssertedInit() {
        Icr icr = Icr.initAssert(3, false);

        assertThat(icr.low()).isEqualTo(0xC500);
        assertThat(icr.deliveryMode()).isEqualTo(DeliveryMode.INIT);
        assertThat(icr.levelAssert()).isTrue();
        assertThat(icr.levelTriggered()).isTrue();
    }

    @Test
    void initDeassertClearsTheLevelBit() {
        assertThat(Icr.initDeassert(3, false).low()).isEqualTo(0x8500);
        assertThat(Icr.initDeassert(3, false).levelAssert()).isFalse();
    }

    @Test
    void startupCarriesTheVectorInTheLowByte() {
        Icr icr = Icr.startup(3, 0x9a, false);

        assertThat(icr.low()).isEqualTo(0x69a);
        assertThat(icr.deliveryMode()).isEqualTo(DeliveryMode.STARTUP);
        assertThat(icr.vector()).isEqualTo(0x9a);
    }

    @Test
    void xapicDestinationSitsInBits63To56AndX2apicInBits63To32() {
        assertThat(Icr.startup(0x12, 0x9a, false).value()).isEqualTo(0x1200_0000_0000_069aL);
        assertThat(Icr.startup(0x1234, 0x9a, true).value()).isEqualTo(0x0000_1234_0000_069aL);
        assertThat(Icr.startup(0x1234, 0x9a, true).destination()).isEqualTo(0x1234);
    }

    @Test
    void xapicCannotAddressIdsAbove255() {
        assertThatThrownBy(() -> Icr.startup(0x100, 0x9a, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startAddressMustBeAPageBelowOneMebibyte() {
        assertThat(WakeupSequence.startupVector(0x9a000)).isEqualTo(0x9a);
        assertThatThrownBy(() -> WakeupSequence.startupVector(0x9a010))
                .isInstanceOf(HotplugException.class)
                .satisfies(e -> assertThat(((HotplugException) e).errno()).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> WakeupSequence.startupVector(0x100000)).isInstanceOf(HotplugException.class);
    }
}
