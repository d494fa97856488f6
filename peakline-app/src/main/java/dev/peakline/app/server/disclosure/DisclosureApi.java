package dev.peakline.app.server.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.disclosure.Consolidation;
import dev.peakline.disclosure.GroupInventory;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.disclosure.OwnershipReader;
import dev.peakline.io.report.Report;
import dev.peakline.io.table.Table;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.disclosure.DisclosureRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 碳信息披露 (issue 19): a group's annual carbon report over its ownership tree from the entities' approved accounts
 * (equity share, financial or operational control; {@link GroupInventory}), with its base year recalculated to the
 * current boundary, the methodology and factor sets used, and an index of which disclosure of GRI 305, IFRS S2,
 * China's basic sustainability disclosure standard and the exchanges' 2024 guidelines each figure answers; as JSON,
 * workbook or PDF; published by the enterprise, then readable without signing in.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "disclosure", description = "碳信息披露: group boundary, annual report, publication")
public class DisclosureApi {
    private final Scopes scopes;
    private final DisclosureReports reports;
    private final DisclosureRepository repository;
    private final ObjectMapper json;
    private final String pdfFont;

    public DisclosureApi(
            Scopes scopes,
            DisclosureReports reports,
            DisclosureRepository repository,
            ObjectMapper json,
            @Value("${peakline.pdf.font:}") String pdfFont) {
        this.scopes = scopes;
        this.reports = reports;
        this.repository = repository;
        this.json = json;
        this.pdfFont = pdfFont;
    }

    @PostMapping(path = "/enterprises/{code}/ownership", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Files the group's ownership (CSV parent,entity,share,control, the enterprise as root), replacing"
                    + " it whole; government of the enterprise's region or admin (the group's structure decides whose"
                    + " accounts its report reads); audited")
    public ResponseEntity<Map<String, Object>> ownership(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        Enterprise e = scopes.readEnterprise(me, code);
        scopes.govern(me, e.region().value());
        if (file.isEmpty()) {
            throw Refusal.field(ErrorCode.UPLOAD_EMPTY, "file", "the uploaded file is empty");
        }
        String name = file.getOriginalFilename() == null ? "ownership.csv" : file.getOriginalFilename();
        OwnershipReader.Read read = OwnershipReader.read(Table.csv(name, Table.utf8(name, file.getBytes())));
        List<Problem> problems = new ArrayList<>(read.problems());
        if (problems.isEmpty()) {
            List<Consolidation.Holding> roots =
                    read.holdings().stream().filter(h -> h.parent().isEmpty()).toList();
            if (roots.size() != 1 || !roots.get(0).entity().equals(code)) {
                problems.add(Problem.at(
                        "ownership.root",
                        name,
                        roots.isEmpty() ? 0 : roots.get(0).row(),
                        "entity",
                        "the root (the row with an empty parent) is the enterprise " + code + " itself, once"));
            }
            for (Consolidation.Holding h : read.holdings()) {
                CreditCode.problemWith(h.entity())
                        .ifPresent(why ->
                                problems.add(Problem.at("enterprise.credit_code", name, h.row(), "entity", why)));
            }
            problems.addAll(
                    Consolidation.consolidate(name, read.holdings(), "equity").problems());
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.DISCLOSURE_INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        repository.replaceOwnership(me.actor(), code, read.holdings());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("entities", read.entities().size()));
    }

    @GetMapping("/enterprises/{code}/disclosure")
    @Operation(
            summary = "The group's annual carbon report of a year by an approach (equity, financial-control,"
                    + " operational-control) against a base year, from approved accounts")
    public Map<String, Object> report(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "operational-control") String approach,
            @RequestParam(required = false) Integer baseYear) {
        Enterprise e = scopes.readEnterprise(me, code);
        return reports.build(e, year, approach, baseYear);
    }

    @GetMapping("/enterprises/{code}/disclosure/export")
    @Operation(summary = "The group's annual carbon report as a workbook or a PDF (Chinese, embedded font)")
    public ResponseEntity<byte[]> export(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "operational-control") String approach,
            @RequestParam(required = false) Integer baseYear,
            @RequestParam(defaultValue = "xlsx") String format) {
        Enterprise e = scopes.readEnterprise(me, code);
        if (!format.equals("xlsx") && !format.equals("pdf")) {
            throw Refusal.field(ErrorCode.FORMAT, "format", "format must be xlsx or pdf");
        }
        Report r = DisclosureReports.report(reports.build(e, year, approach, baseYear));
        String name = code + "-" + year + "-carbon-disclosure";
        return format.equals("pdf") ? Exports.pdf(r, name, pdfFont) : Exports.xlsx(r, name);
    }

    /** What to publish. */
    public record PublishForm(Integer year, String approach, Integer baseYear) {}

    @PostMapping("/enterprises/{code}/disclosure/publish")
    @Operation(summary = "Publishes the year's report as it is now (the enterprise itself, admin); audited")
    public ResponseEntity<Map<String, Object>> publish(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody PublishForm f) {
        Enterprise e = scopes.fileFor(me, code);
        if (f == null || f.year() == null) {
            throw Refusal.field(ErrorCode.DISCLOSURE_INVALID, "year", "say which year to publish");
        }
        String approach = f.approach() == null ? "operational-control" : f.approach();
        Map<String, Object> v = reports.build(e, f.year(), approach, f.baseYear());
        if ((long) v.get("entitiesComplete") == 0) {
            throw Refusal.field(
                    ErrorCode.DISCLOSURE_INVALID,
                    "year",
                    "no entity of the boundary has twelve approved months in " + f.year() + ": nothing to publish");
        }
        try {
            long id = repository.publish(
                    me.actor(), code, f.year(), approach, (int) v.get("baseYear"), json.writeValueAsString(v));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @PostMapping("/enterprises/{code}/disclosure/{year}/withdraw")
    @Operation(summary = "Withdraws a published year (the enterprise itself, admin); audited")
    public Map<String, Object> withdraw(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @PathVariable int year) {
        scopes.fileFor(me, code);
        return Map.of("withdrawn", repository.withdraw(me.actor(), code, year));
    }

    @GetMapping("/public/disclosures/{code}")
    @Operation(summary = "An enterprise's published carbon disclosures, without signing in (only what it published)")
    public Map<String, Object> published(@PathVariable String code) {
        CreditCode.problemWith(code).ifPresent(why -> {
            throw Refusal.notFound("disclosures of " + code);
        });
        List<Object> reports = new ArrayList<>();
        Set<Integer> years = new LinkedHashSet<>();
        for (DisclosureRepository.Publication p : repository.published(code)) {
            try {
                Map<String, Object> r = json.readValue(p.report(), Map.class);
                r.put("publishedAt", p.publishedAt().toString());
                reports.add(r);
                years.add(p.year());
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        if (reports.isEmpty()) {
            throw Refusal.notFound("published disclosures of " + code);
        }
        return Map.of("enterprise", code, "years", years, "reports", reports);
    }
}
