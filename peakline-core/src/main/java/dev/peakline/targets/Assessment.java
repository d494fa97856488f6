package dev.peakline.targets;

/**
 * The assessment grade (考核结果) of a target in a year: 完成 when the figure is on or ahead of the required one,
 * 基本完成 when it falls short by at most {@link Progress#BASICALLY_BAND} of the required figure, 未完成 beyond. The band
 * is Peakline's configurable default, not a national rule; the grade is kept apart from the warning colour.
 */
public enum Assessment {
    COMPLETED("完成"),
    BASICALLY_COMPLETED("基本完成"),
    NOT_COMPLETED("未完成"),
    NO_DATA("无法评价");

    private final String nameCn;

    Assessment(String nameCn) {
        this.nameCn = nameCn;
    }

    public String nameCn() {
        return nameCn;
    }
}
