package dev.peakline.app.server.api;

import dev.peakline.app.server.Filings;
import dev.peakline.app.server.Ledger;
import dev.peakline.app.server.Scopes;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.io.FilingTemplate;
import dev.peakline.store.AccountResults;
import dev.peakline.store.Database;
import dev.peakline.store.EnterpriseRepository;
import dev.peakline.store.EnterpriseRepository.Enterprise;
import dev.peakline.store.FilingRepository;
import dev.peakline.store.FilingRepository.Filing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An enterprise: its profile and facilities, its carbon account (碳账户) with the "why" of any month, its filings. */
@RestController
@RequestMapping("/api/v1/enterprises/{code}")
@Tag(name = "enterprises", description = "碳账户 and filing (填报) of one enterprise")
public class EnterpriseApi {
    private final Scopes scopes;
    private final Ledger ledger;
    private final Filings filings;
    private final FilingRepository repository;
    private final Database db;

    public EnterpriseApi(Scopes scopes, Ledger ledger, Filings filings, FilingRepository repository, Database db) {
        this.db = db;
        this.scopes = scopes;
        this.ledger = ledger;
        this.filings = filings;
        this.repository = repository;
    }

    @GetMapping
    @Operation(summary = "Profile: name, region, industry, park and facilities")
    public Map<String, Object> profile(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Enterprise e = scopes.readEnterprise(me, code);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditCode", code);
        m.put("name", e.name());
        m.put("region", e.region().value());
        m.put(
                "regionName",
                scopes.registry().lineage(e.region()).stream()
                        .map(r -> r.name())
                        .reduce((a, b) -> b + " " + a)
                        .orElse(""));
        m.put("industry", e.industry().value());
        m.put(
                "industryName",
                scopes.registry()
                        .industry(e.industry().value())
                        .map(i -> i.name())
                        .orElse(""));
        m.put("keyEnergyUnit", e.keyEnergyUnit());
        m.put("facilities", EnterpriseRepository.facilities(db, e.code()));
        return m;
    }

    /** One month's or year's figures in the account. */
    public record Figures(
            String period,
            double total,
            double scope1,
            double scope2,
            double combustion,
            double process,
            double electricity,
            double heat,
            double energy,
            Double valueAdded,
            Double carbonIntensity,
            Double energyIntensity,
            Long filingId,
            String factorSets) {
        static Figures of(String period, List<AccountResults.Row> rows, boolean single) {
            double c = 0, p = 0, el = 0, h = 0, en = 0, va = 0;
            boolean anyVa = false;
            for (AccountResults.Row r : rows) {
                c += r.combustion();
                p += r.process();
                el += r.electricity();
                h += r.heat();
                en += r.energy();
                if (!Double.isNaN(r.valueAdded())) {
                    va += r.valueAdded();
                    anyVa = true;
                }
            }
            double total = c + p + el + h;
            AccountResults.Row only = single ? rows.get(0) : null;
            return new Figures(
                    period,
                    total,
                    c + p,
                    el + h,
                    c,
                    p,
                    el,
                    h,
                    en,
                    anyVa ? va : null,
                    anyVa && va > 0 ? total / va : null,
                    anyVa && va > 0 ? en / va : null,
                    only == null ? null : only.filingId(),
                    only == null ? null : only.factorSets());
        }
    }

    public record Account(String creditCode, int year, Figures annual, List<Figures> months, List<Figures> history) {}

    @GetMapping("/account")
    @Operation(summary = "碳账户: the months of a year, the year, and every year's totals (tCO2e, tce, 10⁴ yuan)")
    public Account account(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        RegionApi.checkSpan(year, null);
        List<AccountResults.Row> rows = AccountResults.ofEnterprise(db, e.code());
        TreeMap<Integer, List<AccountResults.Row>> byYear = new TreeMap<>();
        for (AccountResults.Row r : rows) {
            byYear.computeIfAbsent(r.period().getYear(), k -> new ArrayList<>()).add(r);
        }
        List<AccountResults.Row> ofYear = byYear.getOrDefault(year, List.of());
        List<Figures> months = ofYear.stream()
                .map(r -> Figures.of(r.period().toString(), List.of(r), true))
                .toList();
        List<Figures> history = new ArrayList<>();
        byYear.forEach((y, rs) -> history.add(Figures.of(String.valueOf(y), rs, false)));
        return new Account(code, year, Figures.of(String.valueOf(year), ofYear, false), months, history);
    }

    @GetMapping("/account/{period}/explain")
    @Operation(summary = "Why a month's figures are what they are: every line, factor (with source) and formula")
    public Map<String, Object> explain(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @PathVariable String period) {
        Enterprise e = scopes.readEnterprise(me, code);
        YearMonth p = period(period);
        var x = ledger.explain(e, p).orElseThrow(() -> ApiException.notFound("an approved account of " + period));
        return Map.of("creditCode", code, "period", period, "factorSets", x.factorSets(), "lines", x.lines());
    }

    @GetMapping("/filings")
    @Operation(summary = "Every version of every month of a year, newest first")
    public List<Filing> filings(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        return repository.list(e.code(), year);
    }

    @PostMapping("/filings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Files a month from form lines; 422 with row-level problems when anything is wrong")
    public Filing file(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody FilingForm form) {
        Enterprise e = scopes.fileFor(me, code);
        YearMonth p = period(form.period());
        if (form.activity() == null || form.activity().isEmpty()) {
            throw ApiException.invalid("filing.empty", "a filing needs at least one line of activity data");
        }
        return filings.file(me, e, p, "FORM", form.read(e));
    }

    @PostMapping(path = "/filings/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Files a month from the Excel template or an activity CSV (at most 10 MB)")
    public Filing upload(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam String period,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        Enterprise e = scopes.fileFor(me, code);
        YearMonth p = period(period);
        if (file.isEmpty()) {
            throw ApiException.invalid("upload.empty", "the uploaded file is empty");
        }
        return filings.upload(me, e, p, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The filing workbook for a month, with the enterprise's codes filled in")
    public ResponseEntity<byte[]> template(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam String period) {
        Enterprise e = scopes.readEnterprise(me, code);
        YearMonth p = period(period);
        byte[] bytes =
                FilingTemplate.write(code, e.region().value(), e.industry().value(), p.toString());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"filing-" + code + "-" + p + ".xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(bytes);
    }

    static YearMonth period(String s) {
        try {
            YearMonth p = YearMonth.parse(s == null ? "" : s.strip());
            if (p.getYear() < 2000 || p.getYear() > 2100) {
                throw ApiException.invalid("period", "period " + s + " is outside 2000–2100");
            }
            return p;
        } catch (DateTimeParseException ex) {
            throw ApiException.invalid("period", "period must be YYYY-MM, not '" + s + "'");
        }
    }
}
