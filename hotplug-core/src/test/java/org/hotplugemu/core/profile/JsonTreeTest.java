package org.hotplugemu.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The profile reader's tree is the one {@code ObjectMapper.readTree} makes, node kinds included. */
class JsonTreeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode read(String json) throws IOException {
        return JsonTree.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"b\": [true, false, null, \"x\\n\\u00e9\"], \"c\": {\"d\": {}}, \"e\": []}",
        "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890, \"negative\": -5}",
        "{\"double\": 0.5, \"exponent\": 1e3, \"negative\": -2.25E-2}",
        "[1, [2, [3]], {\"k\": \"v\"}]",
        "\"just a string\"",
        "42",
    })
    void readsTheTreeObjectMapperReads(String json) throws IOException {
        JsonNode tree = read(json);

        assertThat(tree).isEqualTo(MAPPER.readTree(json));
        assertThat(kinds(tree)).isEqualTo(kinds(MAPPER.readTree(json)));
    }

    static String[] builtInProfiles() {
        return Profiles.builtInNames().toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("builtInProfiles")
    void readsEveryBuiltInProfileAsObjectMapperDoes(String name) throws IOException {
        byte[] json;
        try (InputStream in = Profiles.class.getResourceAsStream("/profiles/" + name + ".json")) {
            json = in.readAllBytes();
        }

        JsonNode tree = JsonTree.read(new ByteArrayInputStream(json));

        assertThat(tree).isEqualTo(MAPPER.readTree(json));
        assertThat(kinds(tree)).isEqualTo(kinds(MAPPER.readTree(json)));
    }

    @Test
    void aDuplicateFieldIsMalformed() {
        assertThatThrownBy(() -> read("{\"a\": 1,\n \"a\": 2}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> read("{\"a\": [1, 2}"))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> assertThat(e.getLocation().getColumnNr()).isEqualTo(12));
    }

    @Test
    void noContentIsNoTree() throws IOException {
        assertThat(read("")).isNull();
        assertThat(read("  \n")).isNull();
    }

    /** The node classes of the tree, depth first: equal trees may still differ in int/long/double nodes. */
    private static String kinds(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
        node.forEach(child -> out.append('(').append(kinds(child)).append(')'));
        return out.toString();
    }
}
