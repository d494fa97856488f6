package dev.peakline.app.server.registry;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Industry;
import dev.peakline.reference.Region;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.store.registry.EnterpriseRepository.Entry;
import dev.peakline.store.registry.EnterpriseRepository.Found;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding enterprises (by part of the name, credit code, industry or region) within what the caller may see, and the
 * administrator's register: registering an enterprise, changing its entry, moving it to another region. Every change
 * is audited with the entry before and after.
 */
@RestController
@Tag(name = "enterprises")
public class RegistryApi {
    private final Scopes scopes;
    private final EnterpriseRepository enterprises;
    private final org.springframework.context.ApplicationEventPublisher events;

    public RegistryApi(
            Scopes scopes,
            EnterpriseRepository enterprises,
            org.springframework.context.ApplicationEventPublisher events) {
        this.scopes = scopes;
        this.enterprises = enterprises;
        this.events = events;
    }

    /** A search hit with the names of its region (full lineage) and industry. */
    public record Hit(
            String code, String name, String region, String regionName, String industry, String industryName) {}

    /** An enterprise's entry as the administrator writes it. */
    public record EntryForm(
            String code,
            String name,
            String region,
            String industry,
            Boolean keyEnergyUnit,
            String contactPerson,
            String contactPhone) {}

    @GetMapping("/api/v1/search/enterprises")
    @Operation(
            summary = "Enterprises the caller may see whose name contains q, or whose credit code or industry code"
                    + " starts with it, or whose region code it is; at most limit (1–200), best matches first")
    public List<Hit> search(
            @AuthenticationPrincipal PeaklineUser me,
            @RequestParam String q,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw Refusal.field(ErrorCode.LIMIT, "limit", "limit must be between 1 and 200");
        }
        String text = q.strip();
        if (text.isEmpty() || text.length() > 100) {
            return List.of();
        }
        // a government user searches its region's subtree; others everything, then what they may read
        boolean wide = me.role() == Role.ADMIN || me.role() == Role.GOVERNMENT;
        List<String> regions = me.role() == Role.GOVERNMENT
                ? scopes.subtree(me.user().region())
                : scopes.registry().regions().keySet().stream()
                        .map(RegionCode::value)
                        .toList();
        List<Hit> out = new ArrayList<>();
        for (Found f : enterprises.search(regions, text, wide ? limit : 10_000)) {
            boolean visible = switch (me.role()) {
                case ADMIN, GOVERNMENT -> true;
                case ENTERPRISE -> f.code().equals(me.user().enterprise());
                case VERIFIER -> me.verifies().contains(f.code());
            };
            if (visible && out.size() < limit) {
                out.add(hit(f));
            }
        }
        return out;
    }

    @GetMapping("/api/v1/admin/enterprises/{code}")
    @Operation(summary = "An enterprise's register entry with its contact; administrators only")
    public Entry entry(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        scopes.admin(me);
        scopes.enterprise(code);
        return enterprises.entry(code).orElseThrow(() -> Refusal.notFound("enterprise " + code));
    }

    @PostMapping("/api/v1/admin/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registers an enterprise (credit code, name, region, industry, contact); administrators only")
    public Entry create(@AuthenticationPrincipal PeaklineUser me, @RequestBody EntryForm f) {
        scopes.admin(me);
        String code = f.code() == null ? "" : f.code().strip().toUpperCase(java.util.Locale.ROOT);
        List<Problem> p = new ArrayList<>();
        CreditCode.problemWith(code).ifPresent(why -> p.add(problem("code", why)));
        if (p.isEmpty() && enterprises.entry(code).isPresent()) {
            throw Refusal.field(ErrorCode.ENTERPRISE_EXISTS, "code", "enterprise " + code + " is registered already");
        }
        Entry e = checked(code, f, p);
        enterprises.register(me.actor(), e);
        // a new enterprise changes the registered count and the coverage the views show
        events.publishEvent(new dev.peakline.app.server.ledger.AccountsChanged("enterprise entry"));
        return e;
    }

    @PutMapping("/api/v1/admin/enterprises/{code}")
    @Operation(
            summary = "Changes an enterprise's name, region (a move), industry, key-energy-unit flag or contact;"
                    + " administrators only")
    public Entry change(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody EntryForm f) {
        scopes.admin(me);
        scopes.enterprise(code);
        Entry e = checked(code, f, new ArrayList<>());
        enterprises.register(me.actor(), e);
        // a move changes which region's sums hold its months
        events.publishEvent(new dev.peakline.app.server.ledger.AccountsChanged("enterprise entry"));
        return e;
    }

    /** Which registration a duplicate is merged into. */
    public record MergeForm(String into) {}

    @PostMapping("/api/v1/admin/enterprises/{code}/merge")
    @Operation(
            summary = "Merges a duplicate registration into another: its filings, results, facilities, meters, tokens,"
                    + " users, targets and projects move, and it is removed; 409 enterprise.merge naming the months"
                    + " both have filed; administrators only")
    public EnterpriseRepository.Merged merge(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody MergeForm f) {
        scopes.admin(me);
        scopes.enterprise(code);
        String into = f == null || f.into() == null ? "" : f.into().strip().toUpperCase(java.util.Locale.ROOT);
        scopes.enterprise(into);
        if (into.equals(code)) {
            throw Refusal.field(ErrorCode.ENTERPRISE_INVALID, "into", "an enterprise is not merged into itself");
        }
        EnterpriseRepository.Merged m = enterprises.merge(me.actor(), code, into);
        if (!m.conflicts().isEmpty()) {
            throw Refusal.field(
                    ErrorCode.ENTERPRISE_MERGE,
                    "into",
                    "both enterprises filed " + String.join(", ", m.conflicts()) + "; discard one of each first");
        }
        events.publishEvent(new EnterprisesMerged(code, into));
        events.publishEvent(new dev.peakline.app.server.ledger.AccountsChanged("enterprise merge"));
        return m;
    }

    private Entry checked(String code, EntryForm f, List<Problem> p) {
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            p.add(problem("name", "a name has 1–100 characters"));
        }
        String region = f.region() == null ? "" : f.region().strip();
        if (!RegionCode.isValid(region) || scopes.registry().region(region).isEmpty()) {
            p.add(problem("region", "'" + region + "' is not a registered GB/T 2260 region code"));
        }
        String industry = f.industry() == null ? "" : f.industry().strip();
        Optional<Industry> ind = scopes.registry().industry(industry);
        if (ind.isEmpty() || !industry.matches("[0-9]{4}")) {
            p.add(problem("industry", "'" + industry + "' is not a 4-digit GB/T 4754-2017 industry class"));
        }
        String person = blankToNull(f.contactPerson());
        if (person != null && person.length() > 50) {
            p.add(problem("contactPerson", "a contact's name has at most 50 characters"));
        }
        String phone = blankToNull(f.contactPhone());
        if (phone != null && !phone.matches("[0-9+() -]{5,20}")) {
            p.add(problem("contactPhone", "'" + phone + "' is not a telephone number (5–20 digits, spaces, + - ( ))"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.ENTERPRISE_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return new Entry(code, name, region, industry, f.keyEnergyUnit() != null && f.keyEnergyUnit(), person, phone);
    }

    private Hit hit(Found f) {
        return new Hit(
                f.code(),
                f.name(),
                f.region(),
                scopes.registry().lineage(RegionCode.of(f.region())).stream()
                        .map(Region::name)
                        .reduce((a, b) -> b + " " + a)
                        .orElse(""),
                f.industry(),
                scopes.registry().industry(f.industry()).map(Industry::name).orElse(""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Problem problem(String field, String message) {
        return Problem.at("enterprise.invalid", "enterprise", 0, field, message);
    }
}
