package dev.peakline.spark;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.reference.FactorSetLoader;
import dev.peakline.reference.ReferenceLibrary;
import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The method and factors of a run, as the driver broadcasts them: the options and the user's factor file (its name and
 * text, or none for the shipped library). Each executor builds the library from it once and keeps it.
 */
public record Method(
        String guideline,
        String electricity,
        String convention,
        String gwp,
        boolean nonCo2,
        String factorFileName,
        String factorFileText)
        implements Serializable {
    private static final ConcurrentHashMap<Method, ReferenceLibrary> LIBRARIES = new ConcurrentHashMap<>();

    public static Method of(AccountingOptions o, String factorFileName, String factorFileText) {
        return new Method(
                o.guideline(),
                o.electricityBasis().name(),
                o.convention().name(),
                o.gwpReport(),
                o.nonCo2Combustion(),
                factorFileName,
                factorFileText);
    }

    public AccountingOptions options() {
        return new AccountingOptions(
                guideline,
                AccountingOptions.ElectricityBasis.valueOf(electricity),
                AccountingOptions.ElectricityConvention.valueOf(convention),
                gwp,
                nonCo2);
    }

    /** The shipped library with the factor file on top (built once per JVM). */
    public ReferenceLibrary library() {
        return LIBRARIES.computeIfAbsent(this, m -> {
            if (m.factorFileText == null) {
                return ReferenceLibrary.shipped();
            }
            FactorSetLoader.Overlay o =
                    FactorSetLoader.overlay(ReferenceLibrary.shipped(), m.factorFileName, m.factorFileText);
            if (!o.ok()) {
                throw new IllegalArgumentException(m.factorFileName + ": " + o.problems());
            }
            return o.library();
        });
    }
}
