package dev.peakline.markets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where each covered account stands against its allowance obligations: what is still due, what it holds that could
 * settle it (allowances of the obligation's year or earlier — none borrowed from later years — and offsets within the
 * cap), and its status. An account's holdings go to its obligations oldest first, each vintage oldest first, so that
 * one allowance is never counted twice.
 */
public final class Compliance {
    private Compliance() {}

    public enum Status {
        COMPLIANT("compliant", "已履约"),
        SURPLUS("surplus", "足额可履约"),
        SHORT("short", "配额不足"),
        OVERDUE("overdue", "逾期未履约");

        private final String code;
        private final String chinese;

        Status(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }
    }

    /**
     * An obligation's standing: its figures, the allowances and offsets the account holds toward it, what it must buy
     * ({@code shortfall}) or may sell after it ({@code excess}), by the deadline.
     */
    public record Standing(
            InstrumentLedger.Obligation obligation,
            double heldAllowances,
            double heldOffsets,
            double shortfall,
            double excess,
            LocalDate deadline,
            Status status) {}

    /** The annual cycle's deadline: the end of the following year. */
    public static LocalDate defaultDeadline(int year) {
        return LocalDate.of(year + 1, 12, 31);
    }

    /** The annual cycle's deadline of an obligation. */
    public static LocalDate defaultDeadline(InstrumentLedger.Obligation o) {
        return defaultDeadline(o.year());
    }

    /** Every obligation's standing on {@code asOf}, with each obligation's deadline. */
    public static List<Standing> standings(
            InstrumentLedger ledger, LocalDate asOf, Function<InstrumentLedger.Obligation, LocalDate> deadline) {
        List<InstrumentLedger.Obligation> all = new ArrayList<>(ledger.obligations());
        all.sort(Comparator.comparing(InstrumentLedger.Obligation::account)
                .thenComparing(InstrumentLedger.Obligation::instrument)
                .thenComparingInt(InstrumentLedger.Obligation::year));
        List<Standing> out = new ArrayList<>();
        String pooled = null;
        TreeMap<Integer, Double> allowances = new TreeMap<>();
        double offsets = 0;
        for (int i = 0; i < all.size(); i++) {
            InstrumentLedger.Obligation o = all.get(i);
            String key = o.account() + "|" + o.instrument();
            if (!key.equals(pooled)) {
                pooled = key;
                allowances = pool(ledger, o.account(), o.instrument());
                Instrument credit = o.instrument() == Instrument.CEA
                        ? Instrument.CCER
                        : o.instrument() == Instrument.PROVINCIAL_CEA ? Instrument.PROVINCIAL_CREDIT : null;
                offsets = credit == null
                        ? 0
                        : pool(ledger, o.account(), credit).values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum();
            }
            double remaining = o.remaining();
            double offsetUse = Math.min(offsets, o.offsetRoom());
            double held = 0;
            double need = Math.max(0, remaining - offsetUse);
            for (var e : allowances.headMap(o.year(), true).entrySet()) {
                double take = Math.min(e.getValue(), need - held);
                if (take <= 0) {
                    break;
                }
                held += take;
                e.setValue(e.getValue() - take);
            }
            offsets -= offsetUse;
            boolean lastOfAccount = i + 1 == all.size()
                    || !(all.get(i + 1).account() + "|" + all.get(i + 1).instrument()).equals(key);
            double shortfall = Math.max(0, remaining - held - offsetUse);
            double excess = lastOfAccount
                    ? allowances.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum()
                    : 0;
            LocalDate due = deadline.apply(o);
            Status status = remaining <= 1e-9
                    ? Status.COMPLIANT
                    : asOf.isAfter(due) ? Status.OVERDUE : shortfall > 1e-9 ? Status.SHORT : Status.SURPLUS;
            out.add(new Standing(o, held, offsetUse, shortfall, excess, due, status));
        }
        return out;
    }

    /** The account's balances of an instrument by vintage. */
    private static TreeMap<Integer, Double> pool(InstrumentLedger ledger, String account, Instrument instrument) {
        TreeMap<Integer, Double> p = new TreeMap<>();
        ledger.balances(account).forEach((lot, b) -> {
            if (lot.instrument() == instrument && b > 0) {
                p.merge(lot.vintage(), b, Double::sum);
            }
        });
        return p;
    }
}
