package dev.peakline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.problems.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferenceLibraryTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.shipped();

    @Test
    void everyRegionsLineageEndsAtItsProvinceWithoutRepeating() {
        for (Region r : LIB.registry().regions().values()) {
            var lineage = LIB.registry().lineage(r.code());
            assertThat(lineage).as(r.code().value()).doesNotHaveDuplicates();
            assertThat(lineage.get(lineage.size() - 1).level())
                    .as(r.code().value())
                    .isEqualTo(Region.Level.PROVINCE);
            assertThat(lineage.get(lineage.size() - 1).code())
                    .isEqualTo(r.code().province());
        }
        // 东莞 has no counties: it is a city of Guangdong, not a county of itself
        assertThat(LIB.registry().region("441900").orElseThrow().level()).isEqualTo(Region.Level.CITY);
    }

    static final String HEADER = String.join(",", FactorSetLoader.USER_HEADER) + "\n";

    @Test
    void shipsTheGuidelineFuelTableWithSourcesAndConfidence() {
        EmissionFactor ncv = LIB.resolve(FactorKey.of(FactorKind.NCV, "bituminous", "A"), LocalDate.of(2024, 1, 1))
                .orElseThrow()
                .factor();
        assertThat(ncv.value()).isEqualTo(19.570);
        assertThat(ncv.confidence()).isEqualTo("HIGH");
        assertThat(ncv.sourceId()).contains("S-GL-STEEL");
        assertThat(LIB.carrier("烟煤")).get().extracting(EnergyCarrier::code).isEqualTo("bituminous");
        assertThat(LIB.carrier("其它洗煤")).get().extracting(EnergyCarrier::code).isEqualTo("other_washed_coal");
    }

    @Test
    void flagsUnconfirmedValues() {
        EmissionFactor lng = LIB.resolve(
                        FactorKey.of(FactorKind.COAL_EQUIVALENT, "lng", "calorific"), LocalDate.of(2024, 1, 1))
                .orElseThrow()
                .factor();
        assertThat(lng.unconfirmed()).isTrue();
        EmissionFactor anode = LIB.resolve(
                        FactorKey.of(FactorKind.PROCESS, "aluminium.anode.net_consumption", ""),
                        LocalDate.of(2024, 1, 1))
                .orElseThrow()
                .factor();
        assertThat(anode.unconfirmed()).isTrue();
    }

    @Test
    void shipsGb2260RegionsAndGbt4754Industries() {
        assertThat(LIB.registry().region("520100"))
                .get()
                .extracting(Region::name)
                .isEqualTo("贵阳市");
        assertThat(LIB.registry().children(dev.peakline.domain.RegionCode.of("520000")))
                .hasSize(9);
        assertThat(LIB.registry().lineage(dev.peakline.domain.RegionCode.of("520181")))
                .extracting(Region::name)
                .containsExactly("清镇市", "贵阳市", "贵州省");
        assertThat(LIB.registry().industry("3216"))
                .get()
                .extracting(Industry::name)
                .isEqualTo("铝冶炼");
        assertThat(LIB.registry().industries()).hasSize(1971);
    }

    @Test
    void aUserSetOverridesChosenFactorsAndIsNamedInTheResult() {
        String text = HEADER
                + "electricity,520000,average,0.4500,tCO2/MWh,2024-01-01,2024-12-31,贵州省2024年电力排放因子(测试),TEST,MEDIUM,\n";
        FactorSetLoader.Result r = FactorSetLoader.readUserSet("guizhou", "guizhou.csv", text, LIB);
        assertThat(r.problems()).isEmpty();
        ReferenceLibrary lib = LIB.withOverride(r.set());
        ResolvedFactor f = lib.resolve(
                        FactorKey.of(FactorKind.ELECTRICITY, "520000", "average"), LocalDate.of(2024, 5, 1))
                .orElseThrow();
        assertThat(f.value()).isEqualTo(0.45);
        assertThat(f.setId()).isEqualTo("guizhou");
        assertThat(f.setVersion()).hasSize(12);
        assertThat(f.isFallback()).isFalse();
        // other keys still come from the shipped set
        assertThat(lib.resolve(FactorKey.of(FactorKind.ELECTRICITY, "520000", "average"), LocalDate.of(2023, 5, 1))
                        .orElseThrow()
                        .value())
                .isEqualTo(0.5683);
    }

    @Test
    void rejectsOverlappingValidityForOneKey() {
        String text = HEADER
                + "electricity,520000,average,0.45,tCO2/MWh,2024-01-01,2024-12-31,a,S,HIGH,\n"
                + "electricity,520000,average,0.46,tCO2/MWh,2024-06-01,2025-05-31,b,S,HIGH,\n";
        FactorSetLoader.Result r = FactorSetLoader.readUserSet("x", "x.csv", text, LIB);
        assertThat(r.set()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("factors.overlap");
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.message()).contains("line 2");
        });
    }

    @Test
    void rejectsBadFactorRowsWithRowAndColumn() {
        String text = HEADER
                + "combustion.ncv,unobtainium,A,19.5,GJ/t,,,pub,S,HIGH,\n"
                + "heat,heat,default,-0.11,tCO2/GJ,,,pub,S,HIGH,\n"
                + "electricity,CN,average,0.5,tCO2/kWh,2024-01-01,2024-12-31,pub,S,HIGH,\n"
                + "combustion.oxidation,烟煤,A,1.5,fraction,,,pub,S,HIGH,\n"
                + "gwp,CH4,AR5,28,1,2024-13-01,,pub,S,HIGH,\n"
                + "electricity,CN,average,0.5,tCO2/MWh,,,,S,HIGH,\n"
                + "magic,CN,average,0.5,tCO2/MWh,,,p,S,HIGH,\n";
        FactorSetLoader.Result r = FactorSetLoader.readUserSet("x", "x.csv", text, LIB);
        assertThat(r.set()).isNull();
        assertThat(r.problems())
                .extracting(Problem::code)
                .containsExactly(
                        "factors.carrier",
                        "factors.value",
                        "factors.unit",
                        "factors.value",
                        "factors.date",
                        "factors.publication",
                        "factors.kind");
        assertThat(r.problems()).extracting(Problem::row).containsExactly(2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void fallbackToAnEarlierYearIsStated() {
        ResolvedFactor f = LIB.resolve(FactorKey.of(FactorKind.ELECTRICITY, "CN", "average"), LocalDate.of(2025, 3, 1))
                .orElseThrow();
        assertThat(f.value()).isEqualTo(0.5306);
        assertThat(f.fallback()).contains("2023-01-01");
        ResolvedFactor early = LIB.resolve(
                        FactorKey.of(FactorKind.ELECTRICITY, "CN", "average"), LocalDate.of(2019, 3, 1))
                .orElseThrow();
        assertThat(early.value()).isEqualTo(0.5568);
        assertThat(early.fallback()).contains("earliest later");
    }

    @Test
    void shippedSetHasNoOverlaps() {
        FactorSet s = LIB.set(FactorSetLoader.SHIPPED_ID);
        assertThat(FactorSetLoader.overlaps("shipped", s.all())).isEmpty();
        assertThat(s.size()).isGreaterThan(300);
    }
}
