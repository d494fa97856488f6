package dev.peakline.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The regression engine against NIST's certified Longley results (StRD, "higher difficulty": the predictors are
 * nearly collinear) and ridge constants worked from their definitions.
 */
class RegressionTest {
    /** NIST StRD Longley: y = total employment; x1 GNP deflator, x2 GNP, x3 unemployed, x4 armed forces, x5 population, x6 year. */
    static final double[][] LONGLEY = {
        {60323, 83.0, 234289, 2356, 1590, 107608, 1947},
        {61122, 88.5, 259426, 2325, 1456, 108632, 1948},
        {60171, 88.2, 258054, 3682, 1616, 109773, 1949},
        {61187, 89.5, 284599, 3351, 1650, 110929, 1950},
        {63221, 96.2, 328975, 2099, 3099, 112075, 1951},
        {63639, 98.1, 346999, 1932, 3594, 113270, 1952},
        {64989, 99.0, 365385, 1870, 3547, 115094, 1953},
        {63761, 100.0, 363112, 3578, 3350, 116219, 1954},
        {66019, 101.2, 397469, 2904, 3048, 117388, 1955},
        {67857, 104.6, 419180, 2822, 2857, 118734, 1956},
        {68169, 108.4, 442769, 2936, 2798, 120445, 1957},
        {66513, 110.8, 444546, 4681, 2637, 121950, 1958},
        {68655, 112.6, 482704, 3813, 2552, 123366, 1959},
        {69564, 114.2, 502601, 3931, 2514, 125368, 1960},
        {69331, 115.7, 518173, 4806, 2572, 127852, 1961},
        {70551, 116.9, 554894, 4007, 2827, 130081, 1962},
    };

    static double[][] x() {
        double[][] x = new double[16][6];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(LONGLEY[i], 1, x[i], 0, 6);
        }
        return x;
    }

    static double[] y() {
        double[] y = new double[16];
        for (int i = 0; i < 16; i++) {
            y[i] = LONGLEY[i][0];
        }
        return y;
    }

    @Test
    void olsReproducesNistsCertifiedLongleyValues() {
        Regression.Fit f = Regression.ols(x(), y());
        // certified values (NIST StRD, Longley), to 8 significant digits at least
        double[] certified = {
            15.0618722713733,
            -0.358191792925910E-01,
            -2.02022980381683,
            -1.03322686717359,
            -0.511041056535807E-01,
            1829.15146461355
        };
        assertThat(f.intercept()).isCloseTo(-3482258.63459582, within(3482258.63459582 * 1e-8));
        for (int j = 0; j < 6; j++) {
            assertThat(f.coefficients()[j])
                    .as("B%d", j + 1)
                    .isCloseTo(certified[j], within(Math.abs(certified[j]) * 1e-8));
        }
        assertThat(f.rSquared()).isCloseTo(0.995479004577296, within(1e-10));
        // the collinearity ridge regression is for: GNP's variance inflation is in the thousands
        assertThat(f.vif()[1]).isGreaterThan(1000);
    }

    @Test
    void ridgeConstantsFollowTheirDefinitions() {
        // two predictors, five observations, worked on the scaled design: k = 0 is least squares on the original scale
        double[][] x = {{1, 2}, {2, 1}, {3, 4}, {4, 3}, {5, 6}};
        double[] y = {3.1, 2.9, 7.2, 6.8, 11.1};
        Regression.Fit ls = Regression.ols(x, y);
        Regression.Fit r0 = Regression.ridge(x, y, "k", 0);
        assertThat(r0.intercept()).isCloseTo(ls.intercept(), within(1e-9));
        assertThat(r0.coefficients()[0]).isCloseTo(ls.coefficients()[0], within(1e-9));
        assertThat(r0.coefficients()[1]).isCloseTo(ls.coefficients()[1], within(1e-9));
        // p = 2: HKB and L-W are (p − 2) × … = 0 by definition
        assertThat(r0.kHkb()).isZero();
        assertThat(r0.kLw()).isZero();
        // a positive constant shrinks the scaled coefficients: their squared length falls
        Regression.Fit r1 = Regression.ridge(x, y, "k", 1);
        assertThat(Math.hypot(r1.coefficients()[0], r1.coefficients()[1]))
                .isLessThan(Math.hypot(r0.coefficients()[0], r0.coefficients()[1]));
        // Longley, six predictors: HKB = 4 s² / Σβ̂² and L-W = 4 s² n / Σŷ² are positive and HKB picks a fit with R²
        // below
        // least squares' but close to it
        Regression.Fit hkb = Regression.ridge(x(), y(), "hkb", 0);
        assertThat(hkb.k()).isEqualTo(hkb.kHkb()).isPositive();
        assertThat(hkb.kLw()).isPositive();
        assertThat(hkb.rSquared()).isLessThan(0.995479004577296).isGreaterThan(0.98);
        Regression.Fit gcv = Regression.ridge(x(), y(), "gcv", 0);
        assertThat(gcv.k()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void ridgeConstantsMatchMassLmRidgeOnLongley() {
        // MASS::lm.ridge's own example: names(longley)[1] <- "y"; select(lm.ridge(y ~ ., longley, lambda = seq(0, 0.1,
        // 0.001))) prints "modified HKB estimator is 0.006836982", "modified L-W estimator is 0.05267247" and "smallest
        // value of GCV at 0.006": the GNP deflator on GNP, unemployed, armed forces, population, year and employment
        double[][] x = new double[16][6];
        double[] y = new double[16];
        for (int i = 0; i < 16; i++) {
            y[i] = LONGLEY[i][1];
            System.arraycopy(LONGLEY[i], 2, x[i], 0, 5);
            x[i][5] = LONGLEY[i][0];
        }
        Regression.Fit hkb = Regression.ridge(x, y, "hkb", 0);
        assertThat(hkb.kHkb()).isCloseTo(0.006836982, within(5e-10));
        assertThat(hkb.kLw()).isCloseTo(0.05267247, within(5e-9));
        // our GCV searches a finer grid than MASS's 0.001 steps: its minimum rounds to MASS's 0.006
        double gcv = Regression.ridge(x, y, "gcv", 0).k();
        assertThat(gcv).isBetween(0.0055, 0.0065);
    }

    @Test
    void aSingularDesignAndTooFewObservationsAreRefused() {
        assertThatThrownBy(() ->
                        Regression.ols(new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8}}, new double[] {1, 2, 3, 4}))
                .hasMessageContaining("singular");
        assertThatThrownBy(() -> Regression.ols(new double[][] {{1, 2}, {2, 3}}, new double[] {1, 2}))
                .hasMessageContaining("observation");
    }
}
