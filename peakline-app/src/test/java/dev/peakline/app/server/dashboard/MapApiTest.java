package dev.peakline.app.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's shapes: the shipped ones join every subdivision by code; a deployer's file replaces one region's. */
class MapApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedProvinceHasItsNineCitiesByCode() throws Exception {
        JsonNode map = JSON.readTree(new MapApi(null, "").shapes("520000"));
        TreeSet<String> ids = new TreeSet<>();
        map.get("features").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids)
                .containsExactly(
                        "520100", "520200", "520300", "520400", "520500", "520600", "522300", "522600", "522700");
        // the names the dashboard joins its figures by, in full (黔南 and 黔西南 apart)
        TreeSet<String> names = new TreeSet<>();
        map.get("features")
                .forEach(f -> names.add(f.get("properties").get("name").asText()));
        assertThat(names).contains("黔南布依族苗族自治州", "黔西南布依族苗族自治州");
        // a county has no subdivisions to draw
        assertThat(new MapApi(null, "").shapes("520102")).isNull();
    }

    @Test
    void aDeployersApprovedShapesReplaceTheShippedOnesRegionByRegion(@TempDir Path dir) throws Exception {
        String approved = "{\"type\":\"FeatureCollection\",\"features\":[],\"note\":\"审图号 GS(2026)0000\"}";
        Files.writeString(dir.resolve("520000.json"), approved, StandardCharsets.UTF_8);
        MapApi api = new MapApi(null, dir.toString());
        assertThat(new String(api.shapes("520000"), StandardCharsets.UTF_8)).isEqualTo(approved);
        // a city without a file there keeps the shipped shapes
        assertThat(JSON.readTree(api.shapes("520100")).get("features").size()).isEqualTo(10);
    }
}
