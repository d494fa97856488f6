package dev.peakline.roadmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Linear regression for STIRPAT (ln I = a + b ln P + c ln A + d ln T …): ordinary least squares by Householder QR of the
 * design matrix (never the normal equations, which fail on data as collinear as NIST's Longley set), and ridge
 * regression computed as R's {@code MASS::lm.ridge} does: predictors centred and scaled by their root mean square
 * (divisor n), the ridge estimate (XᵀX + kI)⁻¹Xᵀy on that scale, coefficients brought back to the original scale with
 * the intercept ȳ − Σ bⱼ x̄ⱼ. The ridge constant is given, or chosen by
 *
 * <ul>
 *   <li>HKB (Hoerl, Kennard and Baldwin 1975): k = (p − 2) s² / Σ β̂ⱼ², β̂ the least-squares estimate on the scaled
 *       predictors and s² = RSS / (n − p − 1);
 *   <li>L-W (Lawless and Wang 1976): k = (p − 2) s² n / Σ ŷᵢ², ŷ the least-squares fit of the centred response;
 *   <li>GCV (Golub, Heath and Wahba 1979): the k minimising RSS(k) / (n − tr H(k))², tr H(k) = Σ dⱼ² / (dⱼ² + k) over
 *       the eigenvalues dⱼ² of XᵀX, searched on a grid of 0 and 10⁻⁶ … 10³ (13 points per decade).
 * </ul>
 *
 * Variance inflation factors are the diagonal of the inverse correlation matrix of the predictors.
 */
public final class Regression {
    private Regression() {}

    /** A fit: intercept and coefficients (original scale), R², and for ridge the constants. */
    public record Fit(
            double intercept,
            double[] coefficients,
            double rSquared,
            double k,
            double kHkb,
            double kLw,
            double[] vif) {}

    /** Ordinary least squares with an intercept. {@code x[i][j]}: observation i, predictor j. */
    public static Fit ols(double[][] x, double[] y) {
        Fit f = ols0(x, y);
        return new Fit(f.intercept(), f.coefficients(), f.rSquared(), 0, Double.NaN, Double.NaN, vif(x));
    }

    /** Ridge with the constant given, or chosen: {@code method} is "hkb", "lw" or "gcv" (then {@code k} is ignored). */
    public static Fit ridge(double[][] x, double[] y, String method, double k) {
        int n = y.length;
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        double ym = 0;
        for (int i = 0; i < n; i++) {
            ym += y[i] / n;
            for (int j = 0; j < p; j++) {
                mean[j] += x[i][j] / n;
            }
        }
        double[][] xs = new double[n][p];
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - ym;
            for (int j = 0; j < p; j++) {
                xs[i][j] = x[i][j] - mean[j];
                scale[j] += xs[i][j] * xs[i][j] / n;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = Math.sqrt(scale[j]);
            if (!(scale[j] > 0)) {
                throw new IllegalArgumentException("predictor " + (j + 1) + " is constant: it cannot be scaled");
            }
            for (int i = 0; i < n; i++) {
                xs[i][j] /= scale[j];
            }
        }
        // least squares on the scaled predictors: the basis of HKB and L-W
        double[] ls = leastSquares(xs, yc);
        double rss = 0;
        double fitSq = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += xs[i][j] * ls[j];
            }
            rss += (yc[i] - f) * (yc[i] - f);
            fitSq += f * f;
        }
        double s2 = rss / (n - p - 1);
        double sumSq = 0;
        for (double v : ls) {
            sumSq += v * v;
        }
        double kHkb = (p - 2) * s2 / sumSq;
        double kLw = (p - 2) * s2 * n / fitSq;
        double[][] xtx = gram(xs);
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                xty[j] += xs[i][j] * yc[i];
            }
        }
        double used = switch (method) {
            case "hkb" -> kHkb;
            case "lw" -> kLw;
            case "gcv" -> gcv(xs, yc, xtx, xty);
            default -> k;
        };
        double[] beta = solveRidge(xtx, xty, used);
        double[] coefficients = new double[p];
        double intercept = ym;
        for (int j = 0; j < p; j++) {
            coefficients[j] = beta[j] / scale[j];
            intercept -= coefficients[j] * mean[j];
        }
        return new Fit(intercept, coefficients, rSquared(x, y, intercept, coefficients), used, kHkb, kLw, vif(x));
    }

    static double gcv(double[][] xs, double[] yc, double[][] xtx, double[] xty) {
        double[] eigen = eigenvalues(xtx);
        double best = Double.POSITIVE_INFINITY;
        double bestK = 0;
        List<Double> grid = new ArrayList<>();
        grid.add(0.0);
        for (int e = -6 * 13; e <= 3 * 13; e++) {
            grid.add(Math.pow(10, e / 13.0));
        }
        int n = yc.length;
        for (double k : grid) {
            double[] beta = solveRidge(xtx, xty, k);
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < beta.length; j++) {
                    f += xs[i][j] * beta[j];
                }
                rss += (yc[i] - f) * (yc[i] - f);
            }
            double tr = 0;
            for (double d2 : eigen) {
                tr += d2 / (d2 + k);
            }
            double g = rss / ((n - tr) * (n - tr));
            if (g < best) {
                best = g;
                bestK = k;
            }
        }
        return bestK;
    }

    /** 1 − RSS / TSS on the original scale. */
    static double rSquared(double[][] x, double[] y, double intercept, double[] b) {
        double ym = 0;
        for (double v : y) {
            ym += v / y.length;
        }
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < y.length; i++) {
            double f = intercept;
            for (int j = 0; j < b.length; j++) {
                f += b[j] * x[i][j];
            }
            rss += (y[i] - f) * (y[i] - f);
            tss += (y[i] - ym) * (y[i] - ym);
        }
        return 1 - rss / tss;
    }

    /** Least squares by Householder QR; refuses a rank-deficient design (a singular matrix). */
    static double[] leastSquares(double[][] a0, double[] b0) {
        int n = a0.length;
        int m = a0[0].length;
        if (n < m) {
            throw new IllegalArgumentException(
                    n + " observation(s) for " + m + " parameter(s): at least as many observations are needed");
        }
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        double[] diag = new double[m];
        double maxNorm = 0;
        for (int k = 0; k < m; k++) {
            double norm = 0;
            for (int i = k; i < n; i++) {
                norm = Math.hypot(norm, a[i][k]);
            }
            maxNorm = Math.max(maxNorm, norm);
            if (norm == 0 || norm < 1e-13 * maxNorm) {
                throw new IllegalArgumentException(
                        "the design matrix is singular: column " + (k + 1) + " is a combination of the others");
            }
            if (a[k][k] > 0) {
                norm = -norm;
            }
            for (int i = k; i < n; i++) {
                a[i][k] /= norm;
            }
            a[k][k] += 1;
            for (int j = k + 1; j < m; j++) {
                double s = 0;
                for (int i = k; i < n; i++) {
                    s += a[i][k] * a[i][j];
                }
                s = -s / a[k][k];
                for (int i = k; i < n; i++) {
                    a[i][j] += s * a[i][k];
                }
            }
            double s = 0;
            for (int i = k; i < n; i++) {
                s += a[i][k] * b[i];
            }
            s = -s / a[k][k];
            for (int i = k; i < n; i++) {
                b[i] += s * a[i][k];
            }
            diag[k] = -norm;
        }
        double[] x = new double[m];
        for (int k = m - 1; k >= 0; k--) {
            double s = b[k];
            for (int j = k + 1; j < m; j++) {
                s -= a[k][j] * x[j];
            }
            x[k] = s / diag[k];
        }
        return x;
    }

    static double[][] gram(double[][] x) {
        int p = x[0].length;
        double[][] g = new double[p][p];
        for (double[] row : x) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    g[i][j] += row[i] * row[j];
                }
            }
        }
        return g;
    }

    /** (G + kI)⁻¹ r by Cholesky. */
    static double[] solveRidge(double[][] g, double[] r, double k) {
        int p = r.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = g[i][j] + (i == j ? k : 0);
                for (int t = 0; t < j; t++) {
                    s -= l[i][t] * l[j][t];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the predictors are singular: XᵀX + kI is not positive");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = r[i];
            for (int t = 0; t < i; t++) {
                s -= l[i][t] * z[t];
            }
            z[i] = s / l[i][i];
        }
        double[] out = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int t = i + 1; t < p; t++) {
                s -= l[t][i] * out[t];
            }
            out[i] = s / l[i][i];
        }
        return out;
    }

    /** Eigenvalues of a symmetric matrix (cyclic Jacobi rotations). */
    static double[] eigenvalues(double[][] s0) {
        int p = s0.length;
        double[][] a = new double[p][];
        for (int i = 0; i < p; i++) {
            a[i] = s0[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    if (a[i][j] == 0) {
                        continue;
                    }
                    double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < p; k++) {
                        double aki = a[k][i];
                        double akj = a[k][j];
                        a[k][i] = c * aki - s * akj;
                        a[k][j] = s * aki + c * akj;
                    }
                    for (int k = 0; k < p; k++) {
                        double aik = a[i][k];
                        double ajk = a[j][k];
                        a[i][k] = c * aik - s * ajk;
                        a[j][k] = s * aik + c * ajk;
                    }
                }
            }
        }
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            out[i] = a[i][i];
        }
        return out;
    }

    /** VIFⱼ = 1 / (1 − Rⱼ²), Rⱼ² of predictor j regressed on the others (NaN with a single predictor). */
    static double[] vif(double[][] x) {
        int p = x[0].length;
        double[] out = new double[p];
        if (p == 1) {
            out[0] = Double.NaN;
            return out;
        }
        for (int j = 0; j < p; j++) {
            double[][] others = new double[x.length][p - 1];
            double[] target = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                target[i] = x[i][j];
                for (int t = 0, c = 0; t < p; t++) {
                    if (t != j) {
                        others[i][c++] = x[i][t];
                    }
                }
            }
            out[j] = 1 / (1 - ols0(others, target).rSquared());
        }
        return out;
    }

    private static Fit ols0(double[][] x, double[] y) {
        int n = y.length;
        int p = x[0].length;
        double[][] design = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            System.arraycopy(x[i], 0, design[i], 1, p);
        }
        double[] b = leastSquares(design, y);
        double[] coefficients = new double[p];
        System.arraycopy(b, 1, coefficients, 0, p);
        return new Fit(b[0], coefficients, rSquared(x, y, b[0], coefficients), 0, Double.NaN, Double.NaN, null);
    }
}
