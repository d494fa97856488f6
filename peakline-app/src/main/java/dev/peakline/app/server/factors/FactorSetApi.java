package dev.peakline.app.server.factors;

import dev.peakline.app.server.ledger.Ledger;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.EmissionFactor;
import dev.peakline.reference.FactorSet;
import dev.peakline.reference.FactorSetLoader;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.factors.FactorSetRepository;
import dev.peakline.store.factors.FactorSetRepository.Activation;
import dev.peakline.store.factors.RecomputeJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Reference-data administration: factor sets and their sources, loading, activation per region, recomputation. */
@RestController
@RequestMapping("/api/v1/factor-sets")
@Tag(name = "factor sets", description = "排放因子集: browse, load, activate per region, recompute")
public class FactorSetApi {
    private final FactorSetRepository sets;
    private final Ledger ledger;
    private final ReferenceLibrary shipped;
    private final Scopes scopes;
    private final Recomputer recomputer;

    public FactorSetApi(
            FactorSetRepository sets, Ledger ledger, ReferenceLibrary shipped, Scopes scopes, Recomputer recomputer) {
        this.sets = sets;
        this.ledger = ledger;
        this.shipped = shipped;
        this.scopes = scopes;
        this.recomputer = recomputer;
    }

    public record Sets(List<FactorSetRepository.Info> sets, List<Activation> activations) {}

    @GetMapping
    @Operation(summary = "Every factor set and which region accounts with which set from when")
    public Sets list(@AuthenticationPrincipal PeaklineUser me) {
        return new Sets(sets.list(), sets.activations());
    }

    /** One factor as listed: key, value, unit, validity, publication, source, confidence. */
    public record Factor(
            String kind,
            String item,
            String qualifier,
            double value,
            String unit,
            LocalDate validFrom,
            LocalDate validTo,
            String publication,
            String sourceId,
            String confidence,
            String notes,
            String titleZh,
            String titleEn) {
        static Factor of(EmissionFactor f) {
            return new Factor(
                    f.key().kind().name(),
                    f.key().item(),
                    f.key().qualifier(),
                    f.value(),
                    f.unit(),
                    f.validFrom(),
                    f.validTo(),
                    f.publication(),
                    f.sourceId(),
                    f.confidence(),
                    f.notes(),
                    dev.peakline.reference.Publications.title(f.publication(), true),
                    dev.peakline.reference.Publications.title(f.publication(), false));
        }
    }

    @GetMapping("/{id}/{version}")
    @Operation(summary = "The factors of a set with their sources (a loaded set lists only what it overrides)")
    public List<Factor> factors(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String id, @PathVariable String version) {
        ReferenceLibrary lib = ledger.library(new Ledger.SetRef(id, version));
        FactorSet set =
                id.equals(FactorSetLoader.SHIPPED_ID) ? null : lib.layers().get(0);
        List<FactorSet> layers = set == null ? shipped.layers() : List.of(set);
        return layers.stream().flatMap(s -> s.all().stream()).map(Factor::of).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Loads a factor file (docs/methodology.md columns) as a new set; its version is its hash")
    public FactorSetRepository.Info load(
            @AuthenticationPrincipal PeaklineUser me,
            @RequestParam String id,
            @RequestParam(defaultValue = "") String publication,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        scopes.admin(me);
        if (!id.matches("[a-z0-9][a-z0-9._-]{1,63}") || id.equals(FactorSetLoader.SHIPPED_ID)) {
            throw Refusal.field(
                    ErrorCode.FACTOR_SET_ID,
                    "id",
                    "a set id is 2–64 lower-case letters, digits, '.', '_' or '-', and not the shipped id");
        }
        String text = dev.peakline.io.table.Table.utf8(
                file.getOriginalFilename() == null ? "factor set" : file.getOriginalFilename(), file.getBytes());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        FactorSetLoader.Result r = FactorSetLoader.readUserSet(id, file.getOriginalFilename(), text, shipped);
        if (!r.ok()) {
            throw Refusal.of(
                    ErrorCode.FACTOR_SET_INVALID,
                    r.problems().size() + " problem(s); nothing was loaded",
                    r.problems());
        }
        sets.save(me.actor(), id, r.set().version(), publication, text);
        return sets.list().stream()
                .filter(i -> i.id().equals(id) && i.version().equals(r.set().version()))
                .findFirst()
                .orElseThrow();
    }

    /** Which set a region accounts with from which day. */
    public record ActivationRequest(String region, String activeFrom, String setId, String setVersion) {}

    @PostMapping("/activations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Makes a region (and the regions below it without their own) account with a set from a day")
    public Activation activate(@AuthenticationPrincipal PeaklineUser me, @RequestBody ActivationRequest req) {
        scopes.admin(me);
        scopes.region(req.region() == null ? "" : req.region());
        LocalDate from;
        try {
            from = LocalDate.parse(req.activeFrom() == null ? "" : req.activeFrom());
        } catch (DateTimeParseException e) {
            throw Refusal.field(ErrorCode.FACTOR_SET_ACTIVE_FROM, "activeFrom", "activeFrom must be a date YYYY-MM-DD");
        }
        if (!dev.peakline.domain.DateWindow.contains(from)) {
            throw Refusal.field(
                    ErrorCode.FACTOR_SET_ACTIVE_FROM,
                    "activeFrom",
                    "activeFrom " + from + " is " + dev.peakline.domain.DateWindow.outside());
        }
        if (sets.content(req.setId(), req.setVersion()).isEmpty()) {
            throw Refusal.notFound("factor set " + req.setId() + " version " + req.setVersion());
        }
        Activation a = new Activation(req.region(), from, req.setId(), req.setVersion());
        sets.activate(me.actor(), a);
        return a;
    }

    @PostMapping("/recompute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Recomputes the current results of a region's subtree with the sets now active")
    public RecomputeJobs.Job recompute(@AuthenticationPrincipal PeaklineUser me, @RequestBody Map<String, String> req) {
        scopes.admin(me);
        String region = req.getOrDefault("region", "");
        scopes.region(region);
        return recomputer.start(me.actor(), region);
    }

    @GetMapping("/recompute")
    @Operation(summary = "The latest recomputations, newest first, with those a restart found interrupted")
    public List<RecomputeJobs.Job> jobs(@AuthenticationPrincipal PeaklineUser me) {
        scopes.admin(me);
        return recomputer.latest(50);
    }

    @GetMapping("/recompute/{job}")
    @Operation(summary = "Progress of a recomputation")
    public RecomputeJobs.Job job(@AuthenticationPrincipal PeaklineUser me, @PathVariable long job) {
        scopes.admin(me);
        return recomputer.job(job).orElseThrow(() -> Refusal.notFound("job " + job));
    }
}
