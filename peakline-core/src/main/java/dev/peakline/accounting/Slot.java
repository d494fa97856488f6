package dev.peakline.accounting;

/** Where an emission lands: the scope-1 and scope-2 source categories of a result. */
public enum Slot {
    COMBUSTION("scope1_combustion_tco2", "化石燃料燃烧"),
    PROCESS("scope1_process_tco2", "工业生产过程"),
    ELECTRICITY("scope2_electricity_tco2", "净购入电力"),
    HEAT("scope2_heat_tco2", "净购入热力");

    private final String column;
    private final String nameCn;

    Slot(String column, String nameCn) {
        this.column = column;
        this.nameCn = nameCn;
    }

    public String column() {
        return column;
    }

    public String nameCn() {
        return nameCn;
    }
}
