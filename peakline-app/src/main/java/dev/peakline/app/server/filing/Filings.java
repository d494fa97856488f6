package dev.peakline.app.server.filing;

import dev.peakline.app.server.ledger.AccountsChanged;
import dev.peakline.app.server.ledger.Ledger;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.Enterprise;
import dev.peakline.filing.FilingStatus;
import dev.peakline.io.filing.FilingReader;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.filing.FilingContents;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.Filing;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The filing workflow (C4): a month filed by form or upload is checked row by row and accounted on trial before
 * anything is stored; then submitted, approved (accounted and locked) or returned with comments; a correction is a new
 * version.
 */
@Component
public class Filings {

    private final FilingRepository filings;
    private final Ledger ledger;
    private final Scopes scopes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Filings(
            FilingRepository filings, Ledger ledger, Scopes scopes, Clock clock, ApplicationEventPublisher events) {
        this.filings = filings;
        this.ledger = ledger;
        this.scopes = scopes;
        this.clock = clock;
        this.events = events;
    }

    /** Files a month from what the reader made of a form or an upload, all or nothing. */
    public Filing file(PeaklineUser me, Enterprise e, YearMonth period, String source, FilingReader.Read read) {
        checkPeriod(e, period);
        Content content = validate(e, period, read);
        return filings.draft(me.actor(), e.code(), period, source, content);
    }

    /** Replaces the content of a draft or returned version, checked as a new filing is. */
    public Filing change(PeaklineUser me, long id, FilingReader.Read read, int revision) {
        Filing f = read(me, id);
        Enterprise e = scopes.fileFor(me, f.enterprise().value());
        Content content = validate(e, f.period(), read);
        return filings.replace(me.actor(), id, content, revision);
    }

    private Content validate(Enterprise e, YearMonth period, FilingReader.Read read) {
        if (!read.ok()) {
            throw rejected(read.problems());
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> periods = new TreeSet<>();
        var in = read.input();
        in.activity().forEach(a -> {
            periods.add(a.period().toString());
            if (!a.enterprise().equals(e.code())) {
                problems.add(Problem.at(
                        "filing.enterprise",
                        in.sourceName(),
                        a.sourceRow(),
                        "enterprise",
                        "row is for " + a.enterprise() + "; this filing is for " + e.code()));
            } else if (!a.region().equals(e.region()) || !a.industry().equals(e.industry())) {
                problems.add(Problem.at(
                        "filing.registration",
                        in.sourceName(),
                        a.sourceRow(),
                        a.region().equals(e.region()) ? "industry" : "region",
                        "the enterprise is registered in region " + e.region() + ", industry " + e.industry()));
            }
        });
        in.process().forEach(p -> periods.add(p.period().toString()));
        in.production().forEach(p -> periods.add(p.period().toString()));
        in.output().forEach(p -> periods.add(p.period().toString()));
        if (!periods.equals(Set.of(period.toString()))) {
            problems.add(Problem.at(
                    "filing.period",
                    in.sourceName(),
                    0,
                    "period",
                    "every row must be for " + period + "; found " + String.join(", ", periods)
                            + " (file one month at a time)"));
        }
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        Content content = FilingContents.of(in, e.code(), period);
        List<Problem> accounting = ledger.check(e, period, content);
        if (!accounting.isEmpty()) {
            throw rejected(accounting);
        }
        return content;
    }

    /** Files from an uploaded workbook or CSV (its bytes and file name). */
    public Filing upload(PeaklineUser me, Enterprise e, YearMonth period, String fileName, byte[] bytes) {
        // a month that cannot be filed is refused before the file is read at all
        checkPeriod(e, period);
        String name = fileName == null
                ? "upload.csv"
                : Path.of(fileName).getFileName().toString();
        FilingReader.Read read;
        try {
            read = FilingReader.read(name, bytes);
        } catch (UncheckedIOException ex) {
            throw Refusal.field(ErrorCode.UPLOAD_UNREADABLE, "file", name + " cannot be read as .xlsx or UTF-8 CSV");
        }
        return file(me, e, period, "UPLOAD", read);
    }

    /** A month can be filed when it has ended and no version of it is open or with the verifier. */
    void checkPeriod(Enterprise e, YearMonth period) {
        if (!period.isBefore(YearMonth.now(clock.withZone(ChinaTime.ZONE)))) {
            throw Refusal.of(ErrorCode.PERIOD_NOT_ENDED, period + " has not ended yet; a month is filed after it ends");
        }
        for (Filing f : filings.versions(e.code(), period)) {
            if (f.status() == FilingStatus.SUBMITTED) {
                throw Refusal.of(
                        ErrorCode.PERIOD_LOCKED,
                        period + " is locked: version " + f.version() + " is with the verifier");
            }
            if (f.status().editable()) {
                throw Refusal.of(
                        ErrorCode.PERIOD_OPEN,
                        period + " already has version " + f.version() + " open (" + f.status()
                                + "); change that version instead");
            }
        }
    }

    static Refusal rejected(List<Problem> problems) {
        return Refusal.of(ErrorCode.FILING_INVALID, problems.size() + " problem(s); nothing was stored", problems);
    }

    /** A filing the caller may read, with its enterprise. */
    public Filing read(PeaklineUser me, long id) {
        Filing f = filings.find(id).orElseThrow(() -> Refusal.notFound("filing " + id));
        scopes.readEnterprise(me, f.enterprise().value());
        return f;
    }

    public Filing submit(PeaklineUser me, long id) {
        Filing f = read(me, id);
        scopes.fileFor(me, f.enterprise().value());
        return filings.submit(me.actor(), id);
    }

    /** The enterprise takes its submitted version back before the verifier decides. */
    public Filing withdraw(PeaklineUser me, long id) {
        Filing f = read(me, id);
        scopes.fileFor(me, f.enterprise().value());
        return filings.withdraw(me.actor(), id);
    }

    /** The enterprise gives up its draft or returned version (kept as DISCARDED). */
    public Filing discard(PeaklineUser me, long id) {
        Filing f = read(me, id);
        scopes.fileFor(me, f.enterprise().value());
        return filings.discard(me.actor(), id);
    }

    public Filing approve(PeaklineUser me, long id, String comment) {
        Filing f = read(me, id);
        Enterprise e = scopes.verify(me, f.enterprise().value());
        Filing approved = filings.approve(me.actor(), id, comment, (done, content) -> ledger.account(e, done, content));
        events.publishEvent(new AccountsChanged("approval"));
        return approved;
    }

    public Filing giveBack(PeaklineUser me, long id, String comment) {
        Filing f = read(me, id);
        scopes.verify(me, f.enterprise().value());
        if (comment == null || comment.isBlank()) {
            throw Refusal.field(ErrorCode.COMMENT_REQUIRED, "comment", "say what to correct when returning a filing");
        }
        return filings.returnForCorrection(me.actor(), id, comment);
    }
}
