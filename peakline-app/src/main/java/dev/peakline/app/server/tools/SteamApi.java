package dev.peakline.app.server.tools;

import dev.peakline.app.steam.Steam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Steam and hot water by mass → heat in GJ (the filing form's 蒸汽折算 helper; the same as {@code peakline steam}). */
@RestController
@RequestMapping("/api/v1/tools")
@Tag(name = "tools", description = "Conversions the filing needs: steam and hot water to GJ")
public class SteamApi {
    @GetMapping("/steam")
    @Operation(
            summary = "Steam (t, absolute MPa, °C; saturated without a temperature) or hot water (water=true) as GJ:"
                    + " Ma × (En − 83.74) × 10⁻³, En from IAPWS-IF97")
    public Steam.Heat steam(
            @RequestParam double tonnes,
            @RequestParam(required = false) Double pressure,
            @RequestParam(required = false) Double temperature,
            @RequestParam(defaultValue = "false") boolean water) {
        return Steam.convert(tonnes, pressure, temperature, water);
    }
}
