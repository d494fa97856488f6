package dev.peakline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.domain.RegionCode;
import dev.peakline.inventory.Convention.Rule;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryCatalog.RowDef;
import dev.peakline.problems.Problem;
import dev.peakline.reference.ReferenceLibrary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed by hand from the CEADs factor table and the statutory defaults, and one test per convention that
 * fails when the convention is removed from the method.
 */
class InventoryEngineTest {
    static final InventoryCatalog CAT = InventoryCatalog.get();
    static final InventoryMethod CEADS = InventoryMethod.load("ceads", ReferenceLibrary.shipped());
    static final InventoryMethod STATUTORY = InventoryMethod.load("statutory", ReferenceLibrary.shipped());

    /** A small balance under construction: row label, fuel, amount in inventory units. */
    static final class B {
        final List<EnergyBalance.Entry> entries = new ArrayList<>();

        B add(String row, String fuel, String value) {
            RowDef r = CAT.row(row).orElseThrow();
            Fuel f = CAT.fuel(fuel).orElseThrow();
            entries.add(new EnergyBalance.Entry(r, f, new BigDecimal(value), "test " + row + "/" + fuel, ""));
            return this;
        }

        EnergyBalance balance() {
            return new EnergyBalance("Guizhou", RegionCode.of("520000"), 2017, entries);
        }
    }

    static Inventory ok(EnergyBalance b, InventoryMethod m) {
        InventoryEngine.Result r = InventoryEngine.compute(b, m, Optional.empty());
        assertThat(r.problems()).isEmpty();
        return r.inventory();
    }

    static List<Problem> problems(EnergyBalance b, InventoryMethod m) {
        InventoryEngine.Result r = InventoryEngine.compute(b, m, Optional.empty());
        assertThat(r.inventory()).isNull();
        return r.problems();
    }

    @Test
    void guizhou2017RawCoalInThePowerSector() {
        // (1,043.3091 + 3,595.7957 + 1.8668) ×10⁴ t × 0.01726295028 Mt/10⁴ t = 4,640.9716 × 0.01726295028 = 80.11686…
        EnergyBalance b = new B()
                .add("39", "Raw_Coal", "1043.3091")
                .add("Thermal Power", "Raw_Coal", "3595.7957")
                .add("Heating Supply", "Raw_Coal", "1.8668")
                .add("Thermal Power", "Electricity", "-1209.7025")
                .balance();
        Inventory inv = ok(b, CEADS);
        Inventory.Cell c = inv.cell(39, "Raw_Coal");
        assertThat(c.activity()).isEqualByComparingTo("4640.9716");
        assertThat(c.co2Mt())
                .isEqualByComparingTo(new BigDecimal("4640.9716").multiply(new BigDecimal("0.01726295028")));
        assertThat(c.co2Mt().doubleValue()).isCloseTo(80.1169, org.assertj.core.data.Offset.offset(0.00005));
        assertThat(c.provenance())
                .contains("final consumption 1043.3091")
                .contains("+ Thermal Power input 3595.7957")
                .contains("+ Heating Supply input 1.8668")
                .contains("power_heat_and_scrap");
        assertThat(inv.cells()).hasSize(1);
    }

    @Test
    void negativeFinalConsumptionCountsAsZero() {
        EnergyBalance b =
                new B().add("9", "Raw_Coal", "-5").add("10", "Raw_Coal", "10").balance();
        Inventory inv = ok(b, CEADS);
        // sector 10 (food group): 10 × 0.01590971054 = 0.1590971054; sector 9 contributes 0
        assertThat(inv.cell(9, "Raw_Coal").co2Mt()).isEqualByComparingTo("0");
        assertThat(inv.cell(9, "Raw_Coal").provenance()).contains("counted as 0");
        assertThat(inv.total()).isEqualByComparingTo("0.1590971054");
        // without the convention no final consumption is taken: the sector rows are left unhandled, which is an error
        assertThat(problems(b, CEADS.without(Rule.FINAL_CONSUMPTION)))
                .extracting(Problem::code)
                .containsOnly("inventory.row_unhandled");
        assertThat(ok(b, CEADS.without(Rule.FINAL_CONSUMPTION).without(Rule.NOT_COMBUSTED))
                        .cells())
                .isEmpty();
    }

    @Test
    void transformationInputsBurnInThePowerSector() {
        EnergyBalance b = new B()
                .add("Thermal Power", "Raw_Coal", "100")
                .add("Heating Supply", "Raw_Coal", "2")
                .add("Thermal Power", "Heat", "-30")
                .balance();
        // (100 + 2) × 0.01726295028 = 1.76082092856
        assertThat(ok(b, CEADS).total()).isEqualByComparingTo("1.76082092856");
        // without the rule, and without the not-combusted check, the inputs are not burned anywhere
        InventoryMethod bare = CEADS.without(Rule.TRANSFORMATION_INPUTS).without(Rule.NOT_COMBUSTED);
        assertThat(ok(b, bare).total()).isEqualByComparingTo("0");
    }

    @Test
    void rowsNeitherTakenNorExcludedAreErrors() {
        EnergyBalance b = new B()
                .add("Thermal Power", "Raw_Coal", "100")
                .add("Coal Washing", "Raw_Coal", "500")
                .balance();
        // coal washing is listed as not combusted: no error and no CO2 from it
        assertThat(ok(b, CEADS).total()).isEqualByComparingTo("1.726295028");
        // once the thermal-power row is no longer taken, the not-combusted check names it
        assertThat(problems(b, CEADS.without(Rule.TRANSFORMATION_INPUTS)))
                .extracting(Problem::code, Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inventory.row_unhandled", "Thermal Power"));
    }

    @Test
    void nonEnergyUseIsSubtractedProRataFromTheChemicalGroup() {
        EnergyBalance b = new B()
                .add("22", "Raw_Coal", "30")
                .add("23", "Raw_Coal", "10")
                .add("27", "Raw_Coal", "50")
                .add("Non-Energy Use", "Raw_Coal", "20")
                .balance();
        Inventory inv = ok(b, CEADS);
        // 22: 30 − 20 × 30/40 = 15; 23: 10 − 20 × 10/40 = 5; 27 (not chemical) untouched
        assertThat(inv.cell(22, "Raw_Coal").activity()).isEqualByComparingTo("15");
        assertThat(inv.cell(23, "Raw_Coal").activity()).isEqualByComparingTo("5");
        assertThat(inv.cell(27, "Raw_Coal").activity()).isEqualByComparingTo("50");
        // (15 + 5) × 0.01695207088 + 50 × 0.01792128313 = 0.3390414176 + 0.8960641565 = 1.2351055741
        assertThat(inv.total()).isEqualByComparingTo("1.2351055741");
        Inventory without = ok(b, CEADS.without(Rule.NON_ENERGY_PRO_RATA).without(Rule.NOT_COMBUSTED));
        assertThat(without.cell(22, "Raw_Coal").activity()).isEqualByComparingTo("30");
    }

    @Test
    void nonEnergyUseBeyondTheGroupFloorsAtZero() {
        EnergyBalance b = new B()
                .add("22", "Coke", "30")
                .add("26", "Coke", "10")
                .add("Non-Energy Use", "Coke", "50")
                .balance();
        Inventory inv = ok(b, CEADS);
        assertThat(inv.cell(22, "Coke").activity()).isEqualByComparingTo("0");
        assertThat(inv.cell(26, "Coke").activity()).isEqualByComparingTo("0");
        assertThat(inv.cell(22, "Coke").provenance()).contains("floored at 0");
        assertThat(inv.total()).isEqualByComparingTo("0");
    }

    @Test
    void otherPetroleumProductsEmitOnlyAsTransformationInputs() {
        EnergyBalance b = new B()
                .add("39", "Other_Petroleum_Products", "10")
                .add("42", "Other_Petroleum_Products", "7")
                .add("Thermal Power", "Other_Petroleum_Products", "4")
                .balance();
        // only the 4 ×10⁴ t fed to thermal power: 4 × 0.03033179047 = 0.12132716188
        assertThat(ok(b, CEADS).total()).isEqualByComparingTo("0.12132716188");
        // without the rule: (10 + 4 + 7) × 0.03033179047 = 0.63696759987
        assertThat(ok(b, CEADS.without(Rule.TRANSFORMATION_ONLY)).total()).isEqualByComparingTo("0.63696759987");
    }

    @Test
    void electricityHeatAndOtherEnergyCarryNoScope1() {
        EnergyBalance b = new B()
                .add("31", "Electricity", "100")
                .add("31", "Heat", "5")
                .add("31", "Other_Energy", "3")
                .balance();
        assertThat(ok(b, CEADS).cells()).isEmpty();
        assertThat(problems(b, CEADS.without(Rule.NO_SCOPE1)))
                .extracting(Problem::code)
                .containsOnly("inventory.no_factor");
    }

    @Test
    void coalTakesTheFactorOfTheSectorGroup() {
        EnergyBalance b = new B()
                .add("27", "Raw_Coal", "100")
                .add("46", "Raw_Coal", "100")
                .balance();
        // nonmetal minerals 100 × 0.01792128313 + urban households 100 × 0.01462961888 = 1.792128313 + 1.462961888
        assertThat(ok(b, CEADS).total()).isEqualByComparingTo("3.255090201");
        assertThat(problems(b, CEADS.without(Rule.SECTOR_GROUP_FACTORS)))
                .extracting(Problem::code)
                .containsOnly("inventory.no_factor");
    }

    @Test
    void cementClinkerAddsProcessCo2() {
        EnergyBalance b = new B().add("27", "Coke", "1").balance();
        InventoryEngine.Result r = InventoryEngine.compute(b, CEADS, Optional.of(new BigDecimal("100")));
        // 100 ×10⁴ t × 0.538 t/t = 538 ×10⁴ t = 0.538 Mt
        assertThat(r.inventory().processTotal()).isEqualByComparingTo("0.538");
        assertThat(r.inventory().process().get(0).provenance()).contains("UNCONFIRMED");
        assertThat(InventoryEngine.compute(b, CEADS.without(Rule.CEMENT_CLINKER), Optional.of(new BigDecimal("100")))
                        .problems())
                .extracting(Problem::code)
                .containsExactly("inventory.no_cement_rule");
    }

    @Test
    void statutoryFactorsFollowTheGuidelineFormula() {
        EnergyBalance b = new B()
                .add("31", "Raw_Coal", "1")
                .add("31", "Natural_Gas", "1")
                .add("31", "Diesel_Oil", "1")
                .balance();
        Inventory inv = ok(b, STATUTORY);
        // raw coal (GB/T 2589 NCV, bituminous CC/OF): 20.908 × 26.18/1000 × 0.93 × 44/12 = 1.8665366104 t/t
        //   → × 10⁴ t / 10⁶ = 0.018665366104 Mt per 10⁴ t
        assertThat(inv.cell(31, "Raw_Coal").factor().mtPerUnit()).isEqualByComparingTo("0.018665366104");
        assertThat(inv.cell(31, "Raw_Coal").factor().flagged()).isTrue();
        // natural gas: 389.31 GJ/10⁴Nm³ × 15.30/1000 × 0.99 × 44/12 = 21.62188809 t per 10⁴ Nm³
        //   → 10⁸ m³ = 10⁴ × 10⁴ m³: × 10⁴ / 10⁶ = 0.2162188809 Mt per 10⁸ m³ (CEADs: 0.2160728995)
        assertThat(inv.cell(31, "Natural_Gas").factor().mtPerUnit()).isEqualByComparingTo("0.2162188809");
        // diesel: 42.652 × 20.20/1000 × 0.98 × 44/12 = 0.844338992 × 44/12 = 3.0959096373… t/t (CEADs 3.0938)
        assertThat(inv.cell(31, "Diesel_Oil").factor().mtPerUnit().round(new java.math.MathContext(10)))
                .isEqualByComparingTo("0.03095909637");
        assertThat(inv.cell(31, "Diesel_Oil").factor().flagged()).isFalse();
    }

    @Test
    void totalsAreTheSumsOfTheCells() {
        EnergyBalance b = new B()
                .add("1", "Diesel_Oil", "12.5")
                .add("27", "Raw_Coal", "300")
                .add("28", "Coke", "40")
                .add("39", "Natural_Gas", "2")
                .add("Thermal Power", "Raw_Coal", "1000")
                .balance();
        Inventory inv = ok(b, CEADS);
        BigDecimal cells = inv.cells().stream().map(Inventory.Cell::co2Mt).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(inv.byFuel().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(cells);
        assertThat(inv.bySector().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(cells);
        assertThat(inv.total()).isEqualByComparingTo(cells);
    }

    @Test
    void industriesMapToTheSectorWithTheLongestPrefix() {
        assertThat(CAT.sectorOfIndustry("3216").orElseThrow().no()).isEqualTo(29);
        assertThat(CAT.sectorOfIndustry("2913").orElseThrow().no()).isEqualTo(25);
        assertThat(CAT.sectorOfIndustry("2922").orElseThrow().no()).isEqualTo(26);
        assertThat(CAT.sectorOfIndustry("4411").orElseThrow().no()).isEqualTo(39);
        assertThat(CAT.sectorOfIndustry("0241").orElseThrow().no()).isEqualTo(8);
        assertThat(CAT.sectorOfIndustry("0111").orElseThrow().no()).isEqualTo(1);
        assertThat(CAT.sectorOfIndustry("6550").orElseThrow().no()).isEqualTo(45);
        assertThat(CAT.sectorOfIndustry("3011").orElseThrow().no()).isEqualTo(27);
        // every GB/T 4754 division maps to one sector, except 29, which CEADs splits into rubber (291) and plastics
        // (292)
        assertThat(CAT.sectorOfIndustry("29")).isEmpty();
        for (var ind : ReferenceLibrary.shipped().registry().industries().keySet()) {
            if (ind.value().length() == 2 && !ind.value().equals("29")) {
                assertThat(CAT.sectorOfIndustry(ind.value())).as(ind.value()).isPresent();
            }
        }
    }

    @Test
    void comparisonWithTheBottomUpSum() {
        EnergyBalance b = new B()
                .add("39", "Raw_Coal", "100")
                .add("27", "Raw_Coal", "100")
                .balance();
        Inventory inv = ok(b, CEADS);
        // top-down: power 1.726295028, nonmetal 1.792128313
        List<BottomUpComparison.Account> accounts = List.of(
                new BottomUpComparison.Account("A", RegionCode.of("520102"), "4411", 2017, 1_000_000, 0),
                new BottomUpComparison.Account("A", RegionCode.of("520102"), "4411", 2017, 200_000, 0),
                new BottomUpComparison.Account("B", RegionCode.of("520302"), "3011", 2017, 500_000, 300_000),
                new BottomUpComparison.Account("C", RegionCode.of("530102"), "3011", 2017, 9_000_000, 0),
                new BottomUpComparison.Account("D", RegionCode.of("520102"), "3011", 2016, 9_000_000, 0));
        BottomUpComparison c = BottomUpComparison.of(
                inv, RegionCode.of("520000"), ReferenceLibrary.shipped().registry(), accounts);
        assertThat(c.enterprises()).isEqualTo(2);
        // (1.2 + 0.5) / (1.726295028 + 1.792128313) = 1.7 / 3.518423341 = 0.48317…
        assertThat(c.bottomUpMt()).isEqualByComparingTo("1.7");
        assertThat(c.coverage().doubleValue()).isCloseTo(0.483171, org.assertj.core.data.Offset.offset(0.000001));
        assertThat(c.largestGaps(1).get(0).sector().no()).isEqualTo(27);
        // B's process CO2 sits on the process line; the inventory had no clinker, so top-down process is 0
        BottomUpComparison.Line process = c.lines().get(c.lines().size() - 1);
        assertThat(process.process()).isTrue();
        assertThat(process.bottomUpMt()).isEqualByComparingTo("0.3");
        assertThat(process.topDownMt()).isEqualByComparingTo("0");
    }
}
