package dev.peakline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.demo.DemoProvince;
import dev.peakline.demo.NationalPopulation;
import dev.peakline.reference.ReferenceLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same lines accounted by {@code ./peakline account}'s path on one machine and by the Spark job in local mode: every
 * enterprise-month figure is the same double, and the result and roll-up files are the same bytes.
 */
class SparkAccountingIT {
    @TempDir
    Path tmp;

    /** The figures of a month as raw bits, in a fixed order. */
    static long[] bits(EnterpriseMonth m) {
        double[] v = {
            m.combustion(),
            m.process(),
            m.electricity(),
            m.heat(),
            m.energy(),
            m.feedstockEnergy(),
            m.suppliedElectricity(),
            m.valueAdded(),
            m.scope1(),
            m.scope2(),
            m.total()
        };
        long[] out = new long[v.length + m.production().size()];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        int i = v.length;
        for (String p : new java.util.TreeSet<>(m.production().keySet())) {
            out[i++] = Double.doubleToRawLongBits(m.production().get(p));
        }
        return out;
    }

    void agree(Consumer<DemoProvince.Sink> generator, int minimumMonths) throws Exception {
        Path archive = tmp.resolve("archive");
        SparkJobs.Single single = SparkJobs.filesAndArchive(generator, tmp.resolve("files"), archive);
        Path out = tmp.resolve("spark");
        SparkMain.Summary s = SparkMain.run(SparkJobs.spark(), archive, out, SparkJobs.defaults(), 6, true);

        List<EnterpriseMonth> cli = single.result().months();
        assertThat(cli).hasSizeGreaterThan(minimumMonths);
        assertThat(s.months()).isEqualTo(cli.size());
        Map<String, EnterpriseMonth> spark = new HashMap<>();
        for (Row r : SparkJobs.spark()
                .read()
                .parquet(out.resolve("results").toString())
                .collectAsList()) {
            EnterpriseMonth m = ArchiveAccounting.month(r);
            assertThat(r.getString(r.fieldIndex("factor_set")))
                    .isEqualTo(ReferenceLibrary.shipped().setsUsed());
            assertThat(spark.put(m.enterprise().value() + "|" + m.period(), m)).isNull();
        }
        assertThat(spark).hasSize(cli.size());
        for (EnterpriseMonth m : cli) {
            EnterpriseMonth o = spark.get(m.enterprise().value() + "|" + m.period());
            assertThat(o).as("%s %s on Spark", m.enterprise(), m.period()).isNotNull();
            assertThat(o.region()).isEqualTo(m.region());
            assertThat(o.industry()).isEqualTo(m.industry());
            assertThat(bits(o))
                    .as("%s %s, bit for bit", m.enterprise(), m.period())
                    .isEqualTo(bits(m));
        }
        // the files ./peakline account writes, byte for byte
        assertThat(Files.readAllBytes(out.resolve("accounts.csv"))).isEqualTo(Files.readAllBytes(single.accounts()));
        assertThat(Files.readAllBytes(out.resolve("rollup.csv"))).isEqualTo(Files.readAllBytes(single.rollup()));
        assertThat(Files.size(single.rollup())).isGreaterThan(10_000);
    }

    @Test
    void theDemoProvinceAgreesBitForBit() throws Exception {
        // the demo province at its default size for one year: about 600 enterprises × 12 months
        agree(new DemoProvince(2026, 1, 2024, 2024)::generate, 6_000);
    }

    @Test
    void aNationalSampleAgreesBitForBit() throws Exception {
        // 1/2000 of the nation in 31 provinces (at least one enterprise of every profile in each)
        NationalPopulation n = new NationalPopulation(
                7, 2000, 2024, 2024, ReferenceLibrary.shipped().registry());
        assertThat(n.provinces()).hasSize(31);
        agree(n::generate, 31 * 12 * 10);
    }
}
