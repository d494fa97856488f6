package dev.peakline.io.inclusion;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.DateWindow;
import dev.peakline.inclusion.Inclusion;
import dev.peakline.io.table.Columns;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.units.Decimals;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * 碳普惠 claims as filed: {@code participant,source_record,date,activity_mwh,evidence[,claimed_elsewhere]} — the
 * participant's credit code, the record the reduction rests on (a meter's reading span, a settlement statement: its
 * number), the day its activity ends, the electricity generated (MWh), the evidence, and whether the record is claimed
 * in another mechanism (是/否). Every row is checked; with any problem no claim is returned.
 */
public final class InclusionClaimReader {
    private InclusionClaimReader() {}

    public static final List<String> COLUMNS =
            List.of("participant", "source_record", "date", "activity_mwh", "evidence", "claimed_elsewhere");

    static final List<Columns.Spec> SPECS = List.of(
            new Columns.Spec("participant", List.of("参与者", "统一社会信用代码"), true),
            new Columns.Spec("source_record", List.of("来源记录", "记录编号"), true),
            new Columns.Spec("date", List.of("日期", "截止日期"), true),
            new Columns.Spec("activity_mwh", List.of("发电量", "发电量（MWh）"), true),
            new Columns.Spec("evidence", List.of("证据", "证明材料"), true),
            new Columns.Spec("claimed_elsewhere", List.of("已在其他机制登记"), false));

    static final Map<String, Boolean> YES_NO = Map.of(
            "", false, "否", false, "no", false, "false", false, "0", false, "是", true, "yes", true, "true", true, "1",
            true);

    /** The claims, or the problems (never both). */
    public record Read(List<Inclusion.Claim> claims, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Read read(Table t) {
        String source = t.source();
        List<Problem> problems = new ArrayList<>();
        if (t.lines().size() < 2) {
            problems.add(Problem.at("file.empty", source, 0, "", "the file has no data rows"));
            return new Read(List.of(), problems);
        }
        Columns cols = Columns.of(t.lines().get(0), SPECS, source, problems);
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        List<Inclusion.Claim> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Table.Line l : t.lines().subList(1, t.lines().size())) {
            if (l.blank()) {
                continue;
            }
            int before = problems.size();
            String who = cols.get(l, "participant");
            CreditCode.problemWith(who)
                    .ifPresent(why ->
                            problems.add(Problem.at("enterprise.credit_code", source, l.number(), "participant", why)));
            String record = cols.get(l, "source_record");
            if (record.isEmpty() || record.length() > 200) {
                problems.add(Problem.at(
                        "inclusion.record",
                        source,
                        l.number(),
                        "source_record",
                        "the source record (meter reading span or settlement number) is 1–200 characters"));
            } else if (!seen.add(record)) {
                problems.add(Problem.at(
                        "inclusion.twice",
                        source,
                        l.number(),
                        "source_record",
                        "record " + record + " is given twice in the file: a reduction is counted once"));
            }
            LocalDate date = null;
            try {
                date = LocalDate.parse(cols.get(l, "date"));
                if (!DateWindow.contains(date)) {
                    problems.add(Problem.at(
                            "inclusion.date",
                            source,
                            l.number(),
                            "date",
                            "date " + date + " is " + DateWindow.outside()));
                }
            } catch (DateTimeParseException e) {
                problems.add(Problem.at(
                        "date.format",
                        source,
                        l.number(),
                        "date",
                        "'" + cols.get(l, "date") + "' is not a date: write YYYY-MM-DD"));
            }
            double mwh = Double.NaN;
            try {
                mwh = Decimals.parse(cols.get(l, "activity_mwh"));
                if (!(mwh >= 0 && mwh < Inclusion.MAX_ACTIVITY)) {
                    problems.add(Problem.at(
                            "inclusion.activity",
                            source,
                            l.number(),
                            "activity_mwh",
                            "activity " + cols.get(l, "activity_mwh") + " MWh is negative or implausible"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.at(
                        "number.format",
                        source,
                        l.number(),
                        "activity_mwh",
                        "'" + cols.get(l, "activity_mwh") + "' is not a number"));
            }
            Boolean elsewhere = YES_NO.get(cols.get(l, "claimed_elsewhere").toLowerCase(Locale.ROOT));
            if (elsewhere == null) {
                problems.add(Problem.at(
                        "inclusion.elsewhere_flag",
                        source,
                        l.number(),
                        "claimed_elsewhere",
                        "claimed_elsewhere is 是 or 否, not '" + cols.get(l, "claimed_elsewhere") + "'"));
            }
            if (problems.size() == before) {
                out.add(new Inclusion.Claim(who, record, date, mwh, cols.get(l, "evidence"), elsewhere, l.number()));
            }
        }
        return problems.isEmpty() ? new Read(out, List.of()) : new Read(List.of(), problems);
    }
}
