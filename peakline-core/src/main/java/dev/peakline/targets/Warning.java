package dev.peakline.targets;

/** The early-warning light of a target in a year, and what the annual assessment (考核) calls it. */
public enum Warning {
    GREEN("绿", "完成"),
    YELLOW("黄", "基本完成"),
    RED("红", "未完成"),
    NO_DATA("无数据", "无法评价");

    private final String nameCn;
    private final String assessment;

    Warning(String nameCn, String assessment) {
        this.nameCn = nameCn;
        this.assessment = assessment;
    }

    public String nameCn() {
        return nameCn;
    }

    public String assessment() {
        return assessment;
    }
}
