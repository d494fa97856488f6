package dev.peakline.efficiency;

/** An edition of the national 标杆/基准 levels (高耗能行业重点领域能效标杆水平和基准水平). */
public enum Edition {
    E2021("2021", "发改产业〔2021〕1609号"),
    E2023("2023", "发改产业〔2023〕723号");

    private final String year;
    private final String document;

    Edition(String year, String document) {
        this.year = year;
        this.document = document;
    }

    public String year() {
        return year;
    }

    public String document() {
        return document;
    }

    /** The edition for "2021" or "2023". */
    public static Edition of(String year) {
        for (Edition e : values()) {
            if (e.year.equals(year)) {
                return e;
            }
        }
        throw new IllegalArgumentException("edition must be 2021 or 2023, not '" + year + "'");
    }
}
