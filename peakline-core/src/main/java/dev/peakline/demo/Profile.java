package dev.peakline.demo;

import dev.peakline.domain.Use;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One kind of demo enterprise: industry, how many at scale 1, capacity range [t or MW per year] and a month's data.
 * Magnitudes follow DEMO.md (e.g. aluminium AC power 13,000–13,500 kWh/t, a few laggards above 13,350; plants of
 * 100–500 kt/a; coal power the largest emitter).
 */
abstract class Profile {
    abstract String id();

    abstract String industry();

    abstract String namePrefix();

    /** The industry of the profile's n-th enterprise (the long tail spreads over several). */
    String industryFor(int index) {
        return industry();
    }

    String nameSuffix() {
        return "有限公司";
    }

    abstract int base();

    abstract double minCapacity();

    abstract double maxCapacity();

    String park() {
        return null;
    }

    boolean key() {
        return true;
    }

    abstract void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s);

    /** Dry season (Nov–Apr) means less hydropower, so coal plants run harder; winter needs more heat. */
    static double drySeason(YearMonth p) {
        int m = p.getMonthValue();
        return m >= 11 || m <= 4 ? 1.25 : 0.8;
    }

    static double winter(YearMonth p) {
        int m = p.getMonthValue();
        return m == 12 || m <= 2 ? 1.6 : (m >= 6 && m <= 8 ? 0.7 : 1.0);
    }

    static double jitter(SplittableRandom r, double spread) {
        return 1 + (r.nextDouble() * 2 - 1) * spread;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    static final List<Profile> ALL = List.of(
            new Aluminium(),
            new Titanium(),
            new LeadZinc(),
            new Gold(),
            new Steel(),
            new Cement(),
            new Lime(),
            new Phosphorus(),
            new CoalPower(),
            new DataCentre(),
            new LightIndustry());

    static final double[] AL_KWH_PER_T = {12_920, 13_180, 12_960, 13_420, 12_990, 13_000, 13_300, 13_380};

    static final class Aluminium extends Profile {
        String id() {
            return "aluminium";
        }

        String industry() {
            return "3216";
        }

        String namePrefix() {
            return "黔铝";
        }

        int base() {
            return 8;
        }

        double minCapacity() {
            return 100_000;
        }

        double maxCapacity() {
            return 500_000;
        }

        String park() {
            return "P01";
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double t = round(e.capacity() / 12 * 0.92 * jitter(r, 0.02), 1);
            // AC power per tonne (标杆 13,000, 基准 13,350): half the plants at 标杆, two between, two laggards
            double kwhPerT = AL_KWH_PER_T[e.index() % AL_KWH_PER_T.length];
            s.activity(e, p, "electricity", Use.PURCHASED, round(t * kwhPerT / 1e4, 2), Unit.TEN_THOUSAND_KWH);
            s.activity(
                    e, p, "natural_gas", Use.COMBUSTION, round(t * 0.0012 * jitter(r, 0.1), 2), Unit.TEN_THOUSAND_NM3);
            s.activity(e, p, "diesel", Use.COMBUSTION, round(t * 0.0004 * jitter(r, 0.2), 2), Unit.T);
            s.process(e, p, "aluminium_anode", t, Map.of("nc", "0.41", "s", "0.02", "a", "0.004"));
            s.process(
                    e,
                    p,
                    "aluminium_pfc",
                    t,
                    Map.of("aem", String.format(Locale.ROOT, "%.3f", 0.05 + (e.index() % 5) * 0.02)));
            s.production(e, p, "电解铝", t);
            s.output(e, p, round(t * 0.28, 1));
        }
    }

    static final class Titanium extends Profile {
        String id() {
            return "titanium";
        }

        String industry() {
            return "3219";
        }

        String namePrefix() {
            return "遵钛";
        }

        int base() {
            return 3;
        }

        double minCapacity() {
            return 10_000;
        }

        double maxCapacity() {
            return 20_000;
        }

        String park() {
            return "P03";
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double t = round(e.capacity() / 12 * 0.85 * jitter(r, 0.05), 1);
            s.activity(
                    e,
                    p,
                    "electricity",
                    Use.PURCHASED,
                    round(t * 30_000 / 1e4 * jitter(r, 0.03), 2),
                    Unit.TEN_THOUSAND_KWH);
            s.activity(e, p, "natural_gas", Use.COMBUSTION, round(t * 0.05, 2), Unit.TEN_THOUSAND_NM3);
            s.activity(e, p, "coke", Use.FEEDSTOCK, round(t * 0.35, 1), Unit.T);
            s.production(e, p, "海绵钛", t);
            s.output(e, p, round(t * 1.6, 1));
        }
    }

    static final class LeadZinc extends Profile {
        String id() {
            return "leadzinc";
        }

        String industry() {
            return "3212";
        }

        String namePrefix() {
            return "黔锌";
        }

        int base() {
            return 10;
        }

        double minCapacity() {
            return 30_000;
        }

        double maxCapacity() {
            return 120_000;
        }

        String park() {
            return "P04";
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double t = round(e.capacity() / 12 * 0.8 * jitter(r, 0.05), 1);
            s.activity(
                    e,
                    p,
                    "electricity",
                    Use.PURCHASED,
                    round(t * 3_600 / 1e4 * jitter(r, 0.04), 2),
                    Unit.TEN_THOUSAND_KWH);
            s.activity(e, p, "coke", Use.COMBUSTION, round(t * 0.45 * jitter(r, 0.05), 1), Unit.T);
            s.activity(e, p, "bituminous", Use.COMBUSTION, round(t * 0.25 * jitter(r, 0.05), 1), Unit.T);
            s.production(e, p, "锌", t);
            s.output(e, p, round(t * 0.35, 1));
        }
    }

    static final class Gold extends Profile {
        String id() {
            return "gold";
        }

        String industry() {
            return "3221";
        }

        String namePrefix() {
            return "贞金";
        }

        int base() {
            return 4;
        }

        double minCapacity() {
            return 2;
        }

        double maxCapacity() {
            return 6;
        }

        String park() {
            return "P06";
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double t = round(e.capacity() / 12 * jitter(r, 0.05), 4);
            s.activity(
                    e,
                    p,
                    "electricity",
                    Use.PURCHASED,
                    round(t * 6e6 / 1e4 * jitter(r, 0.05), 2),
                    Unit.TEN_THOUSAND_KWH);
            s.activity(e, p, "diesel", Use.COMBUSTION, round(t * 400 * jitter(r, 0.1), 1), Unit.T);
            s.production(e, p, "黄金", t);
            s.output(e, p, round(t * 35_000, 1));
        }
    }

    static final class Steel extends Profile {
        String id() {
            return "steel";
        }

        String industry() {
            return "3120";
        }

        String namePrefix() {
            return "黔钢";
        }

        int base() {
            return 3;
        }

        double minCapacity() {
            return 1_000_000;
        }

        double maxCapacity() {
            return 3_000_000;
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double t = round(e.capacity() / 12 * 0.85 * jitter(r, 0.03), 1);
            s.activity(e, p, "coke", Use.COMBUSTION, round(t * 0.36, 1), Unit.T);
            s.activity(e, p, "bituminous", Use.COMBUSTION, round(t * 0.15, 1), Unit.T);
            s.activity(e, p, "electricity", Use.PURCHASED, round(t * 450 / 1e4, 2), Unit.TEN_THOUSAND_KWH);
            s.activity(e, p, "natural_gas", Use.COMBUSTION, round(t * 0.001, 2), Unit.TEN_THOUSAND_NM3);
            s.activity(e, p, "石灰石（熔剂）", Use.PROCESS, round(t * 0.1, 1), Unit.T);
            s.activity(e, p, "电极", Use.PROCESS, round(t * 0.0015, 2), Unit.T);
            s.process(e, p, "steel_fixed_carbon", round(t * 0.95, 1), Map.of("product", "crude_steel"));
            s.production(e, p, "粗钢", t);
            s.output(e, p, round(t * 0.06, 1));
        }
    }

    static final class Cement extends Profile {
        String id() {
            return "cement";
        }

        String industry() {
            return "3011";
        }

        String namePrefix() {
            return "黔水泥";
        }

        int base() {
            return 40;
        }

        double minCapacity() {
            return 800_000;
        }

        double maxCapacity() {
            return 1_600_000;
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double clinker = round(e.capacity() / 12 * (p.getMonthValue() == 2 ? 0.5 : 0.95) * jitter(r, 0.05), 1);
            // coal 0.118–0.151 t per t of clinker: comprehensive energy about 95–119 kgce/t (标杆 100, 基准 117)
            double coal = 0.118 + (e.index() % 7) * 0.0055;
            s.activity(e, p, "bituminous", Use.COMBUSTION, round(clinker * coal * jitter(r, 0.01), 1), Unit.T);
            s.activity(e, p, "electricity", Use.PURCHASED, round(clinker * 85 / 1e4, 2), Unit.TEN_THOUSAND_KWH);
            s.activity(e, p, "diesel", Use.COMBUSTION, round(clinker * 0.0002, 2), Unit.T);
            s.process(e, p, "cement_clinker", clinker, Map.of("cao", "0.655", "mgo", "0.024"));
            s.production(e, p, "熟料", clinker);
            s.output(e, p, round(clinker * 0.012, 1));
        }
    }

    static final class Lime extends Profile {
        String id() {
            return "lime";
        }

        String industry() {
            return "3012";
        }

        String namePrefix() {
            return "黔石灰";
        }

        int base() {
            return 10;
        }

        double minCapacity() {
            return 50_000;
        }

        double maxCapacity() {
            return 200_000;
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double t = round(e.capacity() / 12 * 0.8 * jitter(r, 0.05), 1);
            s.activity(e, p, "anthracite", Use.COMBUSTION, round(t * 0.16, 1), Unit.T);
            s.activity(e, p, "electricity", Use.PURCHASED, round(t * 40 / 1e4, 2), Unit.TEN_THOUSAND_KWH);
            s.process(e, p, "lime", t, Map.of("type", "high_calcium"));
            s.production(e, p, "石灰", t);
            s.output(e, p, round(t * 0.02, 1));
        }
    }

    static final class Phosphorus extends Profile {
        String id() {
            return "phosphorus";
        }

        String industry() {
            return "2622";
        }

        String namePrefix() {
            return "瓮福磷";
        }

        int base() {
            return 12;
        }

        double minCapacity() {
            return 100_000;
        }

        double maxCapacity() {
            return 600_000;
        }

        String park() {
            return "P07";
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double t = round(e.capacity() / 12 * 0.85 * jitter(r, 0.05), 1);
            s.activity(e, p, "bituminous", Use.COMBUSTION, round(t * 0.08, 1), Unit.T);
            s.activity(e, p, "electricity", Use.PURCHASED, round(t * 180 / 1e4, 2), Unit.TEN_THOUSAND_KWH);
            s.activity(e, p, "heat", Use.PURCHASED, round(t * 1.2 * winter(p), 1), Unit.GJ);
            s.activity(e, p, "natural_gas", Use.COMBUSTION, round(t * 0.002, 2), Unit.TEN_THOUSAND_NM3);
            s.production(e, p, "磷铵", t);
            s.output(e, p, round(t * 0.05, 1));
        }
    }

    static final class CoalPower extends Profile {
        String id() {
            return "coalpower";
        }

        String industry() {
            return "4411";
        }

        String namePrefix() {
            return "黔电";
        }

        String nameSuffix() {
            return "发电有限公司";
        }

        int base() {
            return 20;
        }

        double minCapacity() {
            return 600;
        }

        double maxCapacity() {
            return 2_400;
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            // MW × hours × 300 gce/kWh, as bituminous coal at its default NCV
            double mwh = e.capacity() * 4_500.0 / 12 * drySeason(p) * jitter(r, 0.05);
            double tce = mwh * 0.30;
            s.activity(e, p, "bituminous", Use.COMBUSTION, round(tce * 29.3076 / 19.570, 1), Unit.T);
            s.activity(e, p, "diesel", Use.COMBUSTION, round(mwh * 0.00002, 2), Unit.T);
            s.activity(e, p, "electricity", Use.PURCHASED, round(mwh * 0.002 / 10, 2), Unit.TEN_THOUSAND_KWH);
            s.output(e, p, round(mwh * 0.012, 1));
        }
    }

    static final class DataCentre extends Profile {
        String id() {
            return "datacentre";
        }

        String industry() {
            return "6550";
        }

        String namePrefix() {
            return "贵安云";
        }

        String nameSuffix() {
            return "数据中心有限公司";
        }

        int base() {
            return 15;
        }

        double minCapacity() {
            return 10;
        }

        double maxCapacity() {
            return 80;
        }

        String park() {
            return "P08";
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double mwh = e.capacity() * 730 * 1.3 * jitter(r, 0.03);
            s.activity(e, p, "electricity", Use.PURCHASED, round(mwh / 10, 2), Unit.TEN_THOUSAND_KWH);
            s.activity(e, p, "diesel", Use.COMBUSTION, round(e.capacity() * 0.05, 2), Unit.T);
            s.output(e, p, round(mwh * 0.08, 1));
        }
    }

    /** The long tail: many small enterprises, several workshops each reporting their own carriers. */
    static final class LightIndustry extends Profile {
        private static final String[] INDUSTRIES = {
            "1512", "1513", "2221", "2319", "2927", "3021", "3311", "3670", "3831", "1391", "2710"
        };

        String id() {
            return "light";
        }

        String industry() {
            return "1512";
        }

        String industryFor(int index) {
            return INDUSTRIES[index % INDUSTRIES.length];
        }

        String namePrefix() {
            return "黔企";
        }

        int base() {
            return 480;
        }

        double minCapacity() {
            return 2_000;
        }

        double maxCapacity() {
            return 20_000;
        }

        boolean key() {
            return false;
        }

        void month(DemoProvince.Enterprise e, YearMonth p, SplittableRandom r, DemoProvince.Sink s) {
            double scale = e.capacity() / 12;
            int workshops = 1 + e.index() % 3;
            for (int w = 0; w < workshops; w++) {
                s.activity(
                        e,
                        p,
                        "electricity",
                        Use.PURCHASED,
                        round(scale * 0.02 * jitter(r, 0.1), 2),
                        Unit.TEN_THOUSAND_KWH);
                s.activity(
                        e,
                        p,
                        "natural_gas",
                        Use.COMBUSTION,
                        round(scale * 0.00015 * winter(p) * jitter(r, 0.1), 3),
                        Unit.TEN_THOUSAND_NM3);
                s.activity(e, p, "diesel", Use.COMBUSTION, round(scale * 0.0005 * jitter(r, 0.2), 2), Unit.T);
                s.activity(e, p, "gasoline", Use.COMBUSTION, round(scale * 0.0002 * jitter(r, 0.2), 2), Unit.T);
                s.activity(e, p, "lpg", Use.COMBUSTION, round(scale * 0.0001 * jitter(r, 0.2), 3), Unit.T);
            }
            if (e.index() % 4 == 0) {
                s.activity(
                        e,
                        p,
                        "bituminous",
                        Use.COMBUSTION,
                        round(scale * 0.05 * winter(p) * jitter(r, 0.1), 1),
                        Unit.T);
                s.activity(e, p, "heat", Use.PURCHASED, round(scale * 0.3 * winter(p), 1), Unit.GJ);
            }
            if (e.index() % 10 == 0) {
                s.activity(e, p, "electricity", Use.EXPORTED, round(scale * 0.002, 2), Unit.TEN_THOUSAND_KWH);
            }
            s.output(e, p, round(scale * 0.15 * jitter(r, 0.05), 1));
        }
    }
}
