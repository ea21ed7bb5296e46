package org.hotplugemu.core.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths as the shell gives them: duplicate and trailing slashes, "." and "..", mounts by whole name only. */
class VirtualFsPathTest {
    private final VirtualFs fs = new VirtualFs();

    @ParameterizedTest
    @ValueSource(strings = {"/sys/devices/system/cpu/cpu1/online", "//sys/devices//system/cpu/cpu1/online",
            "/sys/./devices/system/cpu/cpu1/./online", "/sys/devices/system/cpu/cpu0/../cpu1/online",
            "/../sys/devices/system/cpu/cpu1/online"})
    void everySpellingOfAPathReachesTheSameFile(String path) {
        fs.add("/sys/devices/system/cpu/cpu1/online", VirtualFile.readOnly(() -> "1\n"));
        fs.add("/sys/devices/system/cpu/cpu0/online", VirtualFile.readOnly(() -> "1\n"));

        assertThat(fs.read(path)).isEqualTo("1\n");
        assertThat(fs.exists(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/b", "/", "/a/b.c", "/a/..b", "/a/.b"})
    void normalPathsComeBackAsTheyAre(String path) {
        assertThat(VirtualFs.normalize(path)).isSameAs(path);
    }

    @Test
    void otherPathsAreNormalized() {
        assertThat(VirtualFs.normalize("/a//b/")).isEqualTo("/a/b");
        assertThat(VirtualFs.normalize("/a/./b/..")).isEqualTo("/a");
        assertThat(VirtualFs.normalize("/..")).isEqualTo("/");
        assertThat(VirtualFs.normalize("/a/.")).isEqualTo("/a");
    }

    @Test
    void aDirectoryWithATrailingSlashIsADirectory() {
        fs.add("/sys/kernel/debug/x/file", VirtualFile.readOnly(() -> "x\n"));

        assertThat(fs.isDirectory("/sys/kernel/debug/x/")).isTrue();
        assertThatThrownBy(() -> fs.read("/sys/kernel/debug/x/"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EISDIR));
    }

    @Test
    void aMountCoversItsOwnNameOnlyNotNamesThatStartLikeIt() {
        fs.add("/sys/kernel/tracing2/file", VirtualFile.readOnly(() -> "plain\n"));
        fs.mount("/sys/kernel/tracing", new FixedMount("traced\n"));

        assertThat(fs.read("/sys/kernel/tracing/trace")).isEqualTo("traced\n");
        assertThat(fs.read("/sys/kernel/tracing2/file")).isEqualTo("plain\n");
    }

    /** A mount whose every file reads {@code content}. */
    private record FixedMount(String content) implements VirtualFs.Mount {
        @Override
        public List<String> list(String relative) {
            return List.of("trace");
        }

        @Override
        public boolean isDirectory(String relative) {
            return relative.isEmpty();
        }

        @Override
        public boolean exists(String relative) {
            return true;
        }

        @Override
        public String read(String relative) {
            return content;
        }

        @Override
        public void write(String relative, String value) {
            throw new HotplugException(Errno.EACCES, relative);
        }

        @Override
        public boolean writable(String relative) {
            return false;
        }
    }
}
