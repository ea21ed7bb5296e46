package org.hotplugemu.distribution.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptTextTest {
    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bytes = "\uFEFFecho hi\ncat /x\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ScriptText.lines("s.sh", bytes)).containsExactly("echo hi", "cat /x");
    }

    @Test
    void aByteThatIsNotUtf8NamesTheFileLineAndByte() {
        byte[] latin1 = "echo ok\necho caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ScriptText.lines("s.sh", latin1))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("s.sh:2: the script is not UTF-8 text (byte 0xe9 at offset 16, column 9 of the line); save it as UTF-8");
    }

    @Test
    void utf8TextIsKept() {
        assertThat(ScriptText.lines("s.sh", "echo caf\u00e9 # \u2713\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("echo caf\u00e9 # \u2713");
    }
}
