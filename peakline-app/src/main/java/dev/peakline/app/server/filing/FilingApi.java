package dev.peakline.app.server.filing;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.store.AuditLog;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.Filing;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One filing version: its lines and audit trail; submit, approve, return. */
@RestController
@RequestMapping("/api/v1/filings")
@Tag(name = "filings", description = "填报 workflow: draft → submitted → approved (locked) or returned → corrected")
public class FilingApi {
    private final Filings filings;
    private final FilingRepository repository;
    private final Scopes scopes;

    private final dev.peakline.store.monitoring.Monitoring monitoring;
    private final FilingReview review;
    private final java.time.Clock clock;

    public FilingApi(
            Filings filings,
            FilingRepository repository,
            Scopes scopes,
            dev.peakline.store.monitoring.Monitoring monitoring,
            FilingReview review,
            java.time.Clock clock) {
        this.review = review;
        this.clock = clock;
        this.monitoring = monitoring;
        this.filings = filings;
        this.repository = repository;
        this.scopes = scopes;
    }

    /** A version with its lines, its audit trail and the month's metered-versus-filed reconciliation (if run). */
    public record Detail(
            Filing filing,
            String enterpriseName,
            Content content,
            List<AuditLog.Entry> history,
            List<dev.peakline.store.monitoring.Monitoring.Reconciled> reconciliation) {}

    @GetMapping("/{id}")
    @Operation(
            summary = "A filing version with its lines and its audit trail",
            description = "The ETag header names this state of the filing; send it back as If-Match to change it.")
    public ResponseEntity<Detail> get(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        Filing f = filings.read(me, id);
        Enterprise e = scopes.enterprise(f.enterprise().value());
        return ResponseEntity.ok()
                .eTag(f.etag())
                .body(new Detail(
                        f,
                        e.name(),
                        repository.content(id),
                        repository.history(id),
                        monitoring.reconciliation(
                                f.enterprise().value(), f.period().toString())));
    }

    @GetMapping("/{id}/review")
    @Operation(
            summary = "What the version gives and how it compares: its figures and calculation sheet, the same month"
                    + " last year and the month before as approved, the difference to the previous version line by"
                    + " line, and checks against the enterprise's own history and its industry")
    public FilingReview.Review review(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        return review.review(me, filings.read(me, id));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replaces the lines of a draft or returned version (checked as a new filing)",
            description = "Needs If-Match with the ETag read from GET (428 without it); 409 filing.stale when someone"
                    + " changed the filing since. The answer carries the new ETag.")
    public ResponseEntity<Filing> change(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody FilingForm form) {
        Filing f = filings.read(me, id);
        f.status().checkEditable("filing " + id);
        int revision = revision(id, ifMatch);
        Enterprise e = scopes.fileFor(me, f.enterprise().value());
        if (form.period() != null && !form.period().equals(f.period().toString())) {
            throw Refusal.field(
                    ErrorCode.PERIOD, "period", "filing " + id + " is for " + f.period() + ", not " + form.period());
        }
        FilingForm withPeriod = new FilingForm(
                f.period().toString(), form.activity(), form.process(), form.production(), form.output());
        Filing changed = filings.change(me, id, withPeriod.read(e), revision);
        return ResponseEntity.ok().eTag(changed.etag()).body(changed);
    }

    /** The revision an If-Match header names: {@code "id.revision"}, weak or strong. */
    static int revision(long id, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Refusal.of(
                    ErrorCode.FILING_PRECONDITION,
                    "send If-Match with the ETag of filing " + id + " as read, so that no one's change is overwritten");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        String prefix = id + ".";
        if (tag.startsWith(prefix)) {
            try {
                return Integer.parseInt(tag.substring(prefix.length()));
            } catch (NumberFormatException ex) {
                // falls through to the refusal below
            }
        }
        throw Refusal.of(ErrorCode.FILING_STALE, "If-Match " + ifMatch + " is not an ETag of filing " + id);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submits a draft or returned version to the verifier")
    public Filing submit(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        return filings.submit(me, id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "The enterprise takes a submitted version back to a draft before the verifier decides")
    public Filing withdraw(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        return filings.withdraw(me, id);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
    @Operation(
            summary = "Discards a draft or returned version: kept as DISCARDED with its lines and audit trail, and the"
                    + " month is open for a new version")
    public Filing discard(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        return filings.discard(me, id);
    }

    /** A verifier's decision with an optional (approve) or required (return) comment. */
    public record Decision(String comment) {}

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approves a submitted version: accounts it with the region's active factor set and locks it")
    public Filing approve(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable long id,
            @RequestBody(required = false) Decision d) {
        return filings.approve(me, id, d == null ? null : d.comment());
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Returns a submitted version with comments saying what to correct")
    public Filing giveBack(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody Decision d) {
        return filings.giveBack(me, id, d == null ? null : d.comment());
    }

    /** A queue line: who, which month and version, where it came from, when and how many days it has waited. */
    public record QueueItem(
            long id,
            String enterprise,
            String enterpriseName,
            String region,
            String regionName,
            String industry,
            String industryName,
            String period,
            int version,
            String source,
            java.time.Instant submittedAt,
            long daysWaiting) {}

    @GetMapping("/queue")
    @Operation(
            summary = "Submitted versions awaiting the caller's decision (a verifier's assigned enterprises), oldest"
                    + " first, with the enterprise's name, region and industry and the days each has waited")
    public List<QueueItem> queue(@AuthenticationPrincipal PeaklineUser me) {
        if (me.role() != Role.ADMIN && me.role() != Role.VERIFIER) {
            throw Refusal.forbidden("only verifiers and administrators have a queue");
        }
        var registry = scopes.registry();
        java.time.Instant now = clock.instant();
        return repository.waiting(me.role() == Role.ADMIN ? null : me.verifies()).stream()
                .map(w -> new QueueItem(
                        w.id(),
                        w.enterprise(),
                        w.enterpriseName(),
                        w.region(),
                        registry.region(w.region()).map(r -> r.name()).orElse(""),
                        w.industry(),
                        registry.industry(w.industry()).map(i -> i.name()).orElse(""),
                        w.period(),
                        w.version(),
                        w.source(),
                        w.submittedAt(),
                        w.submittedAt() == null
                                ? 0
                                : java.time.Duration.between(w.submittedAt(), now)
                                        .toDays()))
                .toList();
    }
}
