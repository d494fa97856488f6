package dev.peakline.app.server.pollution;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.pollution.EnvironmentalTax;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.pollution.OutletRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enterprise's numbered outlets (排放口) as its 排污许可证 lists them: number (HJ 608: DA… 废气, DW… 废水), medium,
 * stack height or receiving water, the facility where known, the pollutants permitted with their permitted quantities,
 * status. Filed pollutants name a registered outlet by its number; each is taxed on its own.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "pollutants", description = "污染物排放、污染当量与环境保护税；减污降碳协同")
public class OutletApi {
    /** 排放口编码 of 排污许可证 (HJ 608-2017): DA (废气) or DW (废水) and a three-digit serial. */
    static final Pattern NUMBER = Pattern.compile("D[AW][0-9]{3}");

    private final Scopes scopes;
    private final OutletRepository outlets;

    public OutletApi(Scopes scopes, OutletRepository outlets) {
        this.scopes = scopes;
        this.outlets = outlets;
    }

    /** A pollutant permitted at the outlet, by name or formula, with its permitted quantity (t a year) if the permit sets one. */
    public record PermitForm(String pollutant, Double permittedT) {}

    /** An outlet as the form sends it; the medium follows the number when left out. */
    public record OutletForm(
            String outletId,
            String medium,
            String name,
            Long facility,
            Double heightM,
            String receivingWater,
            String status,
            List<PermitForm> permits) {}

    @GetMapping("/enterprises/{code}/outlets")
    @Operation(summary = "The enterprise's registered outlets (排放口) with their permitted pollutants and quantities")
    public List<OutletRepository.Outlet> list(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        scopes.readEnterprise(me, code);
        return outlets.of(code);
    }

    @PostMapping("/enterprises/{code}/outlets")
    @Operation(summary = "Registers an outlet as the enterprise's 排污许可证 lists it (number DA… or DW…); audited")
    public ResponseEntity<OutletRepository.Outlet> register(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody OutletForm f) {
        scopes.fileFor(me, code);
        OutletRepository.Outlet o = checked(code, f);
        answer(outlets.register(me.actor(), o), o, true);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(outlets.find(code, o.outletId()).orElseThrow());
    }

    @PutMapping("/enterprises/{code}/outlets/{outletId}")
    @Operation(
            summary = "Changes a registered outlet (name, facility, height, receiving water, status, permits); audited")
    public OutletRepository.Outlet update(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @PathVariable String outletId,
            @RequestBody OutletForm f) {
        scopes.fileFor(me, code);
        OutletForm same = new OutletForm(
                outletId, f.medium(), f.name(), f.facility(), f.heightM(), f.receivingWater(), f.status(), f.permits());
        OutletRepository.Outlet o = checked(code, same);
        answer(outlets.update(me.actor(), o), o, false);
        return outlets.find(code, o.outletId()).orElseThrow();
    }

    private static void answer(OutletRepository.Outcome outcome, OutletRepository.Outlet o, boolean registering) {
        switch (outcome) {
            case NUMBER ->
                throw registering
                        ? Refusal.field(
                                ErrorCode.INVALID,
                                "outletId",
                                o.outletId() + " is registered already; change it instead")
                        : Refusal.notFound("outlet " + o.outletId());
            case FACILITY ->
                throw Refusal.field(
                        ErrorCode.INVALID, "facility", "facility " + o.facility() + " is not one of the enterprise's");
            case DONE -> {}
        }
    }

    /** The form checked field by field: every problem at once, nothing stored with any. */
    static OutletRepository.Outlet checked(String enterprise, OutletForm f) {
        List<Problem> problems = new ArrayList<>();
        String id = f.outletId() == null ? "" : f.outletId().strip().toUpperCase(Locale.ROOT);
        String medium = null;
        if (!NUMBER.matcher(id).matches()) {
            problems.add(Problem.at(
                    "outlet.code",
                    "form",
                    0,
                    "outletId",
                    "'" + id + "' is not an outlet number of the permit: DA (air) or DW (water) and three digits, e.g."
                            + " DA001"));
        } else {
            medium = id.startsWith("DA") ? "air" : "water";
            String given = f.medium() == null ? "" : f.medium().strip().toLowerCase(Locale.ROOT);
            if (!given.isEmpty() && !given.equals(medium)) {
                problems.add(Problem.at(
                        "outlet.medium",
                        "form",
                        0,
                        "medium",
                        "outlet " + id + " is " + (medium.equals("air") ? "an air" : "a water") + " outlet (DA air, DW"
                                + " water), not '" + given + "'"));
            }
        }
        String status = f.status() == null || f.status().isBlank()
                ? "ACTIVE"
                : f.status().strip().toUpperCase(Locale.ROOT);
        if (!status.equals("ACTIVE") && !status.equals("CLOSED")) {
            problems.add(Problem.at(
                    "outlet.field", "form", 0, "status", "status is ACTIVE or CLOSED, not '" + f.status() + "'"));
        }
        String name = f.name() == null ? "" : f.name().strip();
        if (name.length() > 200) {
            problems.add(Problem.at("outlet.field", "form", 0, "name", "the name is longer than 200 characters"));
        }
        if (f.heightM() != null && !(f.heightM() > 0 && f.heightM() <= 400)) {
            problems.add(Problem.at(
                    "outlet.field",
                    "form",
                    0,
                    "heightM",
                    "a stack is more than 0 and at most 400 m high, not " + f.heightM()));
        }
        if ("water".equals(medium) && f.heightM() != null) {
            problems.add(Problem.at(
                    "outlet.field", "form", 0, "heightM", "a water outlet has a receiving water, not a height"));
        }
        String receiving = f.receivingWater() == null || f.receivingWater().isBlank()
                ? null
                : f.receivingWater().strip();
        if ("air".equals(medium) && receiving != null) {
            problems.add(Problem.at(
                    "outlet.field", "form", 0, "receivingWater", "an air outlet has a height, not a receiving water"));
        }
        if (receiving != null && receiving.length() > 200) {
            problems.add(Problem.at(
                    "outlet.field", "form", 0, "receivingWater", "the receiving water is longer than 200 characters"));
        }
        List<OutletRepository.Permit> permits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<PermitForm> given = f.permits() == null ? List.of() : f.permits();
        for (int i = 0; i < given.size(); i++) {
            PermitForm p = given.get(i);
            String field = "permits[" + i + "]";
            String pn = p == null || p.pollutant() == null ? "" : p.pollutant().strip();
            EnvironmentalTax.Pollutant found = medium == null
                    ? null
                    : EnvironmentalTax.shipped().find(medium, pn).orElse(null);
            if (medium != null && found == null) {
                problems.add(Problem.at(
                        "pollutants.unknown",
                        "form",
                        0,
                        field + ".pollutant",
                        "'" + pn + "' is not a taxable " + medium + " pollutant of the 环境保护税法 table"));
                continue;
            }
            if (found != null && !seen.add(found.code())) {
                problems.add(Problem.at(
                        "outlet.field", "form", 0, field + ".pollutant", "'" + pn + "' is permitted twice at " + id));
            }
            if (p != null && p.permittedT() != null && !(p.permittedT() >= 0 && p.permittedT() <= 1e7)) {
                problems.add(Problem.at(
                        "quantity.absurd",
                        "form",
                        0,
                        field + ".permittedT",
                        "a permitted quantity is 0 to 10,000,000 t a year, not " + p.permittedT()));
            }
            if (found != null) {
                permits.add(new OutletRepository.Permit(found.code(), p.permittedT()));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(ErrorCode.INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        return new OutletRepository.Outlet(
                enterprise, id, medium, name, f.facility(), f.heightM(), receiving, status, permits);
    }
}
