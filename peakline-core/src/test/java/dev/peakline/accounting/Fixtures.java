package dev.peakline.accounting;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Test fixtures in domain language. */
final class Fixtures {
    static final ReferenceLibrary LIB = ReferenceLibrary.shipped();
    static final CreditCode ACME = code("91520181MA6DKQ3L5");
    static final CreditCode BETA = code("91520102MA6DKQ3L5");
    static final YearMonth MARCH_2023 = YearMonth.of(2023, 3);

    static CreditCode code(String first17) {
        return CreditCode.of(first17 + CreditCode.checkCharacter(first17));
    }

    static ActivityRecord burn(CreditCode e, String carrier, double q, Unit u) {
        return rec(e, carrier, q, u, Use.COMBUSTION, MARCH_2023);
    }

    static ActivityRecord rec(CreditCode e, String carrier, double q, Unit u, Use use, YearMonth p) {
        return ActivityRecord.of(
                e, RegionCode.of("520181"), IndustryCode.of("3216"), p, carrier, Quantity.of(q, u), use);
    }

    static ProcessRecord process(String process, double tonnes, Map<String, String> params) {
        return new ProcessRecord(ACME, MARCH_2023, process, Quantity.of(tonnes, Unit.T), params, 0);
    }

    static EnterpriseMonth only(AccountingOptions o, List<ActivityRecord> activity, List<ProcessRecord> process) {
        AccountingEngine.Run run = new AccountingEngine(LIB, o, 1)
                .account(new AccountingInput("t", activity, process, List.of(), List.of()));
        if (!run.ok()) {
            throw new AssertionError(run.problems());
        }
        return run.result().months().get(0);
    }

    static EnterpriseMonth only(List<ActivityRecord> activity) {
        return only(AccountingOptions.defaults(), activity, List.of());
    }

    private Fixtures() {}
}
