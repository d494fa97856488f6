package dev.peakline.reference;

/**
 * A factor chosen for a lookup, with the set it came from and any fallback taken to find it.
 *
 * @param fallback empty when the factor covers the requested date; otherwise what was done instead
 */
public record ResolvedFactor(EmissionFactor factor, String setId, String setVersion, String fallback) {
    public double value() {
        return factor.value();
    }

    public boolean isFallback() {
        return !fallback.isEmpty();
    }

    /** {@link #describe()} in Chinese ({@code chinese}): the document's title, the labels and the fallback in Chinese. */
    public String describe(boolean chinese) {
        if (!chinese) {
            return describe();
        }
        EmissionFactor f = factor;
        String unit = f.unit().equals("fraction") ? "比例" : f.unit();
        return f.key() + " = " + f.value() + " " + unit + "（" + Publications.title(f.publication(), true) + "；来源编号 "
                + f.sourceId() + "；可信度 " + f.confidence() + "；有效期 " + f.validity() + "；因子集 " + setId + " "
                + setVersion + "）"
                + (fallback.isEmpty() ? "" : " 回退：" + fallbackCn())
                + (f.unconfirmed() ? "［数值未经原文核对］" : "");
    }

    /** The library's fallback sentence in Chinese ({@link ReferenceLibrary#resolve}). */
    private String fallbackCn() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "no factor for (\\S+)( or earlier)?; the (latest earlier|earliest later) one \\(valid (.+)\\) is used")
                .matcher(fallback);
        if (!m.matches()) {
            return fallback;
        }
        return "没有适用于 " + m.group(1) + (m.group(2) == null ? "" : " 或更早") + " 的因子，采用"
                + (m.group(3).startsWith("latest") ? "此前最近" : "此后最早") + "的一版（有效期 " + m.group(4) + "）";
    }

    /** One line for provenance: value, unit, key, publication, source, confidence, set, fallback. */
    public String describe() {
        EmissionFactor f = factor;
        return f.key() + " = " + f.value() + " " + f.unit() + " (" + f.publication() + "; source " + f.sourceId()
                + "; confidence " + f.confidence() + "; valid " + f.validity() + "; set " + setId + " " + setVersion
                + ")"
                + (fallback.isEmpty() ? "" : " FALLBACK: " + fallback)
                + (f.unconfirmed() ? " [UNCONFIRMED value]" : "");
    }
}
