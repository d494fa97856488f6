package dev.peakline.accounting;

import dev.peakline.domain.IndustryCode;

/**
 * Whether an enterprise's exported electricity or heat is deducted from its emissions, per the guideline of its
 * industry. The NDRC industry guidelines (steel, chemicals, cement, aluminium, …) deduct electricity and heat supplied
 * to others (输出的电力、热力对应的排放). For power generation (GB/T 4754 441, 电力生产) the MEE method for power
 * generation facilities (《企业温室气体排放核算与报告指南 发电设施》, 2022 revision) counts fuel combustion,
 * desulfurisation and purchased electricity; the electricity and heat a plant supplies are its product, not a
 * deduction, so its scope 2 is never negative. Heat producers (443, 热力生产和供应) likewise do not deduct the heat they
 * supply.
 */
public final class ExportRule {
    private ExportRule() {}

    /** True when exported electricity of this industry is its product (not deducted). */
    public static boolean electricityIsProduct(IndustryCode industry) {
        return industry != null && industry.value().startsWith("441");
    }

    /** True when exported heat of this industry is its product (not deducted). */
    public static boolean heatIsProduct(IndustryCode industry) {
        return industry != null
                && (industry.value().startsWith("441") || industry.value().startsWith("443"));
    }
}
