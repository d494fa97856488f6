package dev.peakline.targets;

/**
 * What a region, industry or enterprise did in a year.
 *
 * @param co2 energy CO2 [t]
 * @param energy energy consumption [tce]
 * @param gdp GDP (or value added) at constant prices [万元]; NaN when unknown
 * @param nonFossil non-fossil energy consumption [tce]; NaN when unknown
 */
public record Figures(int year, double co2, double energy, double gdp, double nonFossil) {
    /** Sum of several subjects' figures of the same year. */
    public Figures plus(Figures o) {
        return new Figures(year, co2 + o.co2, energy + o.energy, gdp + o.gdp, nonFossil + o.nonFossil);
    }
}
