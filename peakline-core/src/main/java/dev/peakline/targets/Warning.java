package dev.peakline.targets;

/**
 * The early-warning level of a target in a year, after the 能耗双控晴雨表 of 发改办环资〔2021〕629号: 一级预警 (red) when
 * the intensity rose year on year (不降反升), 二级预警 (orange) when its reduction falls short of the required progress,
 * 三级预警 (green) when progress is on track. The annual assessment grade (完成 / 基本完成 / 未完成) is a different thing:
 * {@link Assessment}.
 */
public enum Warning {
    RED("红色", "一级预警"),
    ORANGE("橙色", "二级预警"),
    GREEN("绿色", "三级预警"),
    NO_DATA("无数据", "无法预警");

    private final String nameCn;
    private final String level;

    Warning(String nameCn, String level) {
        this.nameCn = nameCn;
        this.level = level;
    }

    /** The colour, in Chinese. */
    public String nameCn() {
        return nameCn;
    }

    /** The warning level as the document names it (一级预警 …). */
    public String level() {
        return level;
    }
}
