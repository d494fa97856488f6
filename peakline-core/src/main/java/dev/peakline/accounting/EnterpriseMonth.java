package dev.peakline.accounting;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import java.time.YearMonth;
import java.util.Map;

/**
 * The account of one enterprise for one month.
 *
 * @param combustion scope 1 fuel combustion [tCO2]
 * @param process scope 1 industrial process [tCO2e], net of carbon fixed in products
 * @param electricity scope 2 net purchased electricity [tCO2]
 * @param heat scope 2 net purchased heat [tCO2]
 * @param energy comprehensive energy consumption [tce], feedstock included (GB/T 2589)
 * @param feedstockEnergy the part of {@code energy} used as raw material (原料用能) [tce]
 * @param suppliedElectricity electricity a power plant supplied to others [MWh], its product (0 for other industries)
 * @param valueAdded value added [10⁴ yuan], NaN when not given
 * @param production product → quantity [t] (canonical unit)
 */
public record EnterpriseMonth(
        CreditCode enterprise,
        RegionCode region,
        IndustryCode industry,
        YearMonth period,
        double combustion,
        double process,
        double electricity,
        double heat,
        double energy,
        double feedstockEnergy,
        double suppliedElectricity,
        double valueAdded,
        Map<String, Double> production) {

    public EnterpriseMonth {
        production = Map.copyOf(production);
    }

    /** Scope 1 [tCO2e] = combustion + process. */
    public double scope1() {
        return combustion + process;
    }

    /** Scope 2 [tCO2] = net electricity + net heat. */
    public double scope2() {
        return electricity + heat;
    }

    /** Total [tCO2e] = scope 1 + scope 2. */
    public double total() {
        return scope1() + scope2();
    }

    /** tCO2e per 10⁴ yuan of value added; NaN when value added is absent or zero. */
    public double carbonIntensity() {
        return valueAdded > 0 ? total() / valueAdded : Double.NaN;
    }

    /** tce per 10⁴ yuan of value added; NaN when value added is absent or zero. */
    public double energyIntensity() {
        return valueAdded > 0 ? energy / valueAdded : Double.NaN;
    }

    /**
     * Energy [tce] without the energy used as feedstock (原料用能): what 发改环资〔2022〕803号 counts in energy totals and
     * intensities for energy-consumption control.
     */
    public double energyExcludingFeedstock() {
        return energy - feedstockEnergy;
    }

    /**
     * A power plant's emissions per MWh supplied (供电碳排放强度) [tCO2/MWh]: total ÷ electricity supplied; NaN when it
     * supplied none.
     */
    public double emissionsPerMwhSupplied() {
        return suppliedElectricity > 0 ? total() / suppliedElectricity : Double.NaN;
    }

    /** tce excluding feedstock per 10⁴ yuan of value added; NaN when value added is absent or zero. */
    public double energyIntensityExcludingFeedstock() {
        return valueAdded > 0 ? energyExcludingFeedstock() / valueAdded : Double.NaN;
    }

    /** The production line of a power plant's gross generation (发电量, MWh), filed as a product. */
    public static final String GENERATION = "发电量";

    /** Gross generation [MWh] (发电量), 0 when not filed. */
    public double generatedElectricity() {
        return production.getOrDefault(GENERATION, 0.0);
    }

    /** tCO2 per MWh generated (发电碳排放强度, MEE 发电设施 method); NaN without generation. */
    public double emissionsPerMwhGenerated() {
        return generatedElectricity() > 0 ? total() / generatedElectricity() : Double.NaN;
    }

    /**
     * Own use (厂用电量) as a share of generation: (generated − supplied) ÷ generated, the plant's 厂用电率 (including
     * losses to the metering point); NaN without generation or supply.
     */
    public double ownUseRate() {
        double g = generatedElectricity();
        return g > 0 && suppliedElectricity > 0 ? (g - suppliedElectricity) / g : Double.NaN;
    }

    /** tCO2e per t of the product; NaN when the product has no output this month. */
    public double carbonPerProduct(String product) {
        Double q = production.get(product);
        return q != null && q > 0 ? total() / q : Double.NaN;
    }
}
