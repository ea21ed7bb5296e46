package org.hotplugemu.core.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;
import org.junit.jupiter.api.Test;

class VirtualFsHandlerFailureTest {
    private final VirtualFs fs = new VirtualFs();

    @Test
    void aThrowingReadHandlerFailsThatReadWithEio() {
        fs.add("/sys/kernel/debug/plugin/broken", VirtualFile.readOnly(() -> {
            throw new IllegalStateException("plugin bug");
        }));

        assertThatThrownBy(() -> fs.read("/sys/kernel/debug/plugin/broken"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EIO))
                .hasMessageContaining("/sys/kernel/debug/plugin/broken")
                .hasMessageContaining("plugin bug")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aThrowingWriteHandlerFailsThatWriteWithEioAndTheFileStillWorks() {
        fs.add("/sys/kernel/debug/plugin/switch", VirtualFile.readWrite(() -> "0\n", value -> {
            throw new NullPointerException("no state");
        }));

        assertThatThrownBy(() -> fs.write("/sys/kernel/debug/plugin/switch", "1\n"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EIO))
                .hasMessageContaining("write handler of /sys/kernel/debug/plugin/switch failed");
        assertThat(fs.read("/sys/kernel/debug/plugin/switch")).isEqualTo("0\n");
    }

    @Test
    void aHandlersOwnErrnoIsKept() {
        fs.add("/sys/kernel/debug/plugin/busy", VirtualFile.readWrite(() -> "", value -> {
            throw new HotplugException(Errno.EBUSY, "busy now");
        }));

        assertThatThrownBy(() -> fs.write("/sys/kernel/debug/plugin/busy", "1\n"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY))
                .hasMessage("busy now");
    }
}
