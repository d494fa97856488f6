package dev.peakline.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.demo.DemoProvince;
import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.OutputRecord;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.ProductionRecord;
import dev.peakline.domain.Use;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.rollup.Rollup;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property tests on a generated province: thread count and input order do not change a single bit; parts sum to wholes. */
class DeterminismTest {
    static AccountingInput province;

    @BeforeAll
    static void generate() {
        List<ActivityRecord> a = new ArrayList<>();
        List<ProcessRecord> p = new ArrayList<>();
        List<ProductionRecord> q = new ArrayList<>();
        List<OutputRecord> o = new ArrayList<>();
        new DemoProvince(7, 0.5, 2023, 2023).generate(new DemoProvince.Sink() {
            public void enterprise(DemoProvince.Enterprise e) {}

            public void activity(DemoProvince.Enterprise e, YearMonth m, String c, Use u, double v, Unit unit) {
                a.add(ActivityRecord.of(e.code(), e.region(), e.industry(), m, c, Quantity.of(v, unit), u));
            }

            public void process(DemoProvince.Enterprise e, YearMonth m, String pr, double t, Map<String, String> ps) {
                p.add(new ProcessRecord(e.code(), m, pr, Quantity.of(t, Unit.T), ps, 0));
            }

            public void production(DemoProvince.Enterprise e, YearMonth m, String pr, double t) {
                q.add(new ProductionRecord(e.code(), m, pr, Quantity.of(t, Unit.T), 0));
            }

            public void output(DemoProvince.Enterprise e, YearMonth m, double v) {
                o.add(new OutputRecord(e.code(), m, Quantity.of(v, Unit.TEN_THOUSAND_YUAN), 0));
            }
        });
        province = new AccountingInput("demo", a, p, q, o);
    }

    static List<EnterpriseMonth> account(AccountingInput in, int threads) {
        AccountingEngine.Run r =
                new AccountingEngine(ReferenceLibrary.shipped(), AccountingOptions.defaults(), threads).account(in);
        assertThat(r.problems()).isEmpty();
        return r.result().months();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void resultsAreBitIdenticalForAnyThreadCount(int threads) {
        assertThat(account(province, threads)).isEqualTo(account(province, 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void resultsDoNotDependOnInputOrder(long seed) {
        List<ActivityRecord> shuffled = new ArrayList<>(province.activity());
        Collections.shuffle(shuffled, new Random(seed));
        List<ProcessRecord> process = new ArrayList<>(province.process());
        Collections.shuffle(process, new Random(seed + 100));
        AccountingInput in = new AccountingInput("demo", shuffled, process, province.production(), province.output());
        assertThat(account(in, 2)).isEqualTo(account(province, 1));
    }

    @Test
    void rollupWholesEqualTheSumOfTheirPartsExactly() {
        List<EnterpriseMonth> months = account(province, 2);
        List<Rollup.Line> lines = Rollup.of(months, ReferenceLibrary.shipped().registry());
        long provinceYear = lines.stream()
                .filter(l -> l.axis() == Rollup.Axis.REGION
                        && l.code().equals("520000")
                        && l.period().equals("2023"))
                .findFirst()
                .orElseThrow()
                .totalMicro();
        long cities = lines.stream()
                .filter(l -> l.axis() == Rollup.Axis.REGION
                        && l.level().equals("city")
                        && l.period().equals("2023"))
                .mapToLong(Rollup.Line::totalMicro)
                .sum();
        long counties = lines.stream()
                .filter(l -> l.axis() == Rollup.Axis.REGION
                        && l.level().equals("county")
                        && l.period().equals("2023"))
                .mapToLong(Rollup.Line::totalMicro)
                .sum();
        long provinceMonths = lines.stream()
                .filter(l -> l.axis() == Rollup.Axis.REGION
                        && l.code().equals("520000")
                        && l.period().length() == 7)
                .mapToLong(Rollup.Line::totalMicro)
                .sum();
        long sections = lines.stream()
                .filter(l -> l.axis() == Rollup.Axis.INDUSTRY
                        && l.level().equals("门类")
                        && l.period().equals("2023"))
                .mapToLong(Rollup.Line::totalMicro)
                .sum();
        long enterprises = lines.stream()
                .filter(l -> l.axis() == Rollup.Axis.ENTERPRISE && l.period().equals("2023"))
                .mapToLong(Rollup.Line::totalMicro)
                .sum();
        assertThat(cities).isEqualTo(provinceYear);
        assertThat(counties).isEqualTo(provinceYear);
        assertThat(provinceMonths).isEqualTo(provinceYear);
        assertThat(sections).isEqualTo(provinceYear);
        assertThat(enterprises).isEqualTo(provinceYear);
        // and the whole is the sum of the enterprise-months to within the rounding of each to 1 g
        double direct = months.stream().mapToDouble(EnterpriseMonth::total).sum();
        assertThat(Math.abs(Rollup.tonnes(provinceYear) - direct)).isLessThan(months.size() * 1e-6);
    }

    @Test
    void demoProvinceHasPlausibleMagnitudes() {
        List<EnterpriseMonth> months = account(province, 2);
        double total = months.stream().mapToDouble(EnterpriseMonth::total).sum();
        // scale 0.5 of a province whose key enterprises emit tens of Mt a year (CEADs Guizhou: 206–229 Mt energy CO2)
        assertThat(total / 1e6).isBetween(20.0, 200.0);
        double power = months.stream()
                .filter(m -> m.industry().value().equals("4411"))
                .mapToDouble(EnterpriseMonth::total)
                .sum();
        double bySector = months.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        m -> m.industry().value(), java.util.stream.Collectors.summingDouble(EnterpriseMonth::total)))
                .values()
                .stream()
                .mapToDouble(d -> d)
                .max()
                .orElseThrow();
        assertThat(power).isEqualTo(bySector); // the power sector is the largest
    }
}
