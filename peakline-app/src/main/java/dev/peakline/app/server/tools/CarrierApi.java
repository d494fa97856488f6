package dev.peakline.app.server.tools;

import dev.peakline.domain.Use;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.units.Unit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a filing form offers: each energy carrier with its names, the units it may be filed in and its uses. */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "tools", description = "Conversions and choices the filing needs")
public class CarrierApi {
    private final ReferenceLibrary library;

    public CarrierApi(ReferenceLibrary library) {
        this.library = library;
    }

    /** A choice: its code and its names. */
    public record Choice(String code, String nameCn, String nameEn) {}

    /** A carrier as the form offers it; the first unit is the one the statistics use. */
    public record Carrier(
            String code, String nameCn, String nameEn, String category, List<String> units, List<Choice> uses) {}

    @GetMapping("/carriers")
    @Operation(summary = "Energy carriers with their Chinese and English names, the units each allows and its uses")
    public List<Carrier> carriers() {
        List<Carrier> out = new ArrayList<>();
        for (EnergyCarrier c : library.carriers().values()) {
            List<String> units = new ArrayList<>();
            units.add(c.activityUnit().symbol());
            Arrays.stream(Unit.values())
                    .filter(u -> u.dimension() == c.dimension() && u != c.activityUnit())
                    .forEach(u -> units.add(u.symbol()));
            List<Use> uses = !c.isFuel()
                    ? (c.code().equals("green_electricity")
                            ? List.of(Use.PURCHASED)
                            : List.of(Use.PURCHASED, Use.EXPORTED))
                    : List.of(Use.COMBUSTION, Use.FEEDSTOCK);
            out.add(new Carrier(
                    c.code(),
                    c.nameCn(),
                    c.nameEn(),
                    c.category(),
                    units,
                    uses.stream()
                            .map(u -> new Choice(u.code(), u.nameCn(), u.code()))
                            .toList()));
        }
        return out;
    }
}
