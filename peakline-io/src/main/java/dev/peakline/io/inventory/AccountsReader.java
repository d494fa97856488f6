package dev.peakline.io.inventory;

import dev.peakline.domain.RegionCode;
import dev.peakline.inventory.BottomUpComparison.Account;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the enterprise-month results that {@code peakline account} writes, as the bottom-up side of a comparison. */
public final class AccountsReader {
    private AccountsReader() {}

    public record Read(List<Account> accounts, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Read read(Path file) {
        Table t = Table.csv(file);
        List<Problem> problems = new ArrayList<>();
        if (t.lines().isEmpty()) {
            problems.add(Problem.at("accounts.empty", t.source(), 0, "", "the results file is empty"));
            return new Read(List.of(), problems);
        }
        List<String> h = t.lines().get(0).cells();
        String[] need = {"enterprise", "period", "region", "industry", "scope1_combustion_tco2", "scope1_process_tco2"};
        int[] at = new int[need.length];
        for (int i = 0; i < need.length; i++) {
            at[i] = h.indexOf(need[i]);
            if (at[i] < 0) {
                problems.add(Problem.at(
                        "accounts.column_missing",
                        t.source(),
                        t.lines().get(0).number(),
                        need[i],
                        "not a results file of 'peakline account': the column '" + need[i] + "' is missing"));
            }
        }
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        List<Account> out = new ArrayList<>();
        for (Table.Line l : t.lines().subList(1, t.lines().size())) {
            try {
                String period = l.cell(at[1]);
                out.add(new Account(
                        l.cell(at[0]),
                        RegionCode.of(l.cell(at[2])),
                        l.cell(at[3]),
                        Integer.parseInt(period.substring(0, 4)),
                        Double.parseDouble(l.cell(at[4])),
                        Double.parseDouble(l.cell(at[5]))));
            } catch (RuntimeException e) {
                problems.add(Problem.at(
                        "accounts.row", t.source(), l.number(), "", "cannot read the row: " + e.getMessage()));
            }
        }
        return problems.isEmpty() ? new Read(out, List.of()) : new Read(List.of(), problems);
    }
}
