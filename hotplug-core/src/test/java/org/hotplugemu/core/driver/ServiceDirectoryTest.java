package org.hotplugemu.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.driver.DriverServices;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;

class ServiceDirectoryTest {
    private final ServiceDirectory directory = new ServiceDirectory();
    private final DriverServices workqueue = directory.forDriver("workqueue");
    private final DriverServices load = directory.forDriver("load");

    @Test
    void aPublishedServiceIsFoundByTheOtherDriversOfTheMachine() {
        workqueue.publish(CharSequence.class, "queues");

        assertThat(load.lookup(CharSequence.class)).contains("queues");
        assertThat(load.lookup(Integer.class)).isEmpty();
        assertThat(new ServiceDirectory().lookup(CharSequence.class)).as("another machine").isEmpty();
    }

    @Test
    void onlyThePublisherReplacesOrWithdrawsIt() {
        workqueue.publish(CharSequence.class, "queues");
        workqueue.publish(CharSequence.class, "new queues");

        assertThatThrownBy(() -> load.publish(CharSequence.class, "mine"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY))
                .hasMessage("driver load cannot publish java.lang.CharSequence: driver workqueue published it");
        assertThatThrownBy(() -> load.withdraw(CharSequence.class))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
        assertThat(load.lookup(CharSequence.class)).contains("new queues");

        workqueue.withdraw(CharSequence.class);
        workqueue.withdraw(CharSequence.class);
        assertThat(load.lookup(CharSequence.class)).isEmpty();
        load.publish(CharSequence.class, "mine");
        assertThat(workqueue.lookup(CharSequence.class)).contains("mine");
    }

    @Test
    void withdrawAllTakesOnlyThatDriversServices() {
        workqueue.publish(CharSequence.class, "queues");
        workqueue.publish(Integer.class, 7);
        load.publish(Long.class, 9L);

        directory.withdrawAll("workqueue");

        assertThat(load.lookup(CharSequence.class)).isEmpty();
        assertThat(load.lookup(Integer.class)).isEmpty();
        assertThat(load.lookup(Long.class)).contains(9L);
    }

    @Test
    void aServiceMustBeOfItsType() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> lying = (Class) Integer.class;

        assertThatThrownBy(() -> workqueue.publish(lying, "not a number")).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> workqueue.publish(Integer.class, null)).isInstanceOf(NullPointerException.class);
    }
}
