package dev.peakline.datacentre;

import dev.peakline.domain.Coded;
import dev.peakline.problems.Problem;
import dev.peakline.reference.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A data centre of an enterprise, as its operator registers it: design IT capacity, racks, the national cluster it
 * belongs to (东数西算, {@code clusters.csv}), status, cooling, the year it went into service and the PUE target that
 * applies to it ({@code pue_targets.csv}).
 */
public record DataCentre(
        long id,
        String enterprise,
        String code,
        String name,
        String cluster,
        Status status,
        Cooling cooling,
        double itCapacityKw,
        Integer racks,
        Integer commissioned,
        String targetScope) {

    /** The largest design IT capacity taken for real (the largest campuses are a few hundred MW). */
    public static final double MAX_IT_KW = 1_000_000;

    public static final int MAX_RACKS = 200_000;

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    public enum Status implements Coded {
        PLANNED("planned", "规划"),
        CONSTRUCTION("construction", "在建"),
        OPERATING("operating", "运行");

        private final String code;
        private final String chinese;

        Status(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }
    }

    public enum Cooling implements Coded {
        AIR("air", "风冷"),
        WATER("water", "水冷"),
        EVAPORATIVE("evaporative", "间接蒸发冷却"),
        FREE("free", "自然冷却"),
        LIQUID("liquid", "液冷");

        private final String code;
        private final String chinese;

        Cooling(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** A national data-centre cluster (国家枢纽节点数据中心集群) and its hub, east or west. */
    public record Cluster(String code, String name, String hub, String side, String confidence) {}

    private static final List<Cluster> CLUSTERS = Csv.resource(DataCentre.class, "clusters.csv").stream()
            .map(r -> new Cluster(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
            .toList();

    public static List<Cluster> clusters() {
        return CLUSTERS;
    }

    /** A cluster by its code or Chinese name. */
    public static Optional<Cluster> cluster(String text) {
        String t = text == null ? "" : text.strip();
        return CLUSTERS.stream()
                .filter(c -> c.code().equalsIgnoreCase(t) || c.name().equals(t))
                .findFirst();
    }

    /**
     * The target a data centre answers to when its operator names none: a western hub cluster's 1.20 or an eastern's
     * 1.25 for one in service from 2022 (东数西算), otherwise the standard's limit value.
     */
    public static String defaultScope(String cluster, Integer commissioned) {
        Optional<Cluster> c = cluster(cluster);
        if (c.isPresent() && commissioned != null && commissioned >= 2022) {
            return c.get().side().equals("west") ? "hub_west" : "hub_east";
        }
        return "limit";
    }

    /** A form as typed, before it is checked. */
    public record Form(
            String code,
            String name,
            String cluster,
            String status,
            String cooling,
            Double itCapacityKw,
            Integer racks,
            Integer commissioned,
            String targetScope) {}

    /** The form checked field by field (every problem at once), or the problems. */
    public static List<Problem> check(Form f) {
        List<Problem> p = new ArrayList<>();
        if (f.code() == null || !CODE.matcher(f.code().strip()).matches()) {
            p.add(field(
                    "code", "a data centre's code is 1–32 letters, digits, '.', '_' or '-', not '" + f.code() + "'"));
        }
        if (f.name() == null || f.name().isBlank() || f.name().strip().length() > 100) {
            p.add(field("name", "the name is 1–100 characters"));
        }
        if (f.cluster() != null
                && !f.cluster().isBlank()
                && cluster(f.cluster()).isEmpty()) {
            p.add(field(
                    "cluster", "'" + f.cluster() + "' is not a national data-centre cluster (e.g. guian, 贵安数据中心集群)"));
        }
        if (Coded.parse(Status.class, f.status()).isEmpty()) {
            p.add(field(
                    "status", "'" + f.status() + "' is not a status: planned, construction, operating (规划, 在建, 运行)"));
        }
        if (Coded.parse(Cooling.class, f.cooling()).isEmpty()) {
            p.add(field(
                    "cooling", "'" + f.cooling() + "' is not a cooling type: air, water, evaporative, free, liquid"));
        }
        if (f.itCapacityKw() == null || !(f.itCapacityKw() > 0 && f.itCapacityKw() <= MAX_IT_KW)) {
            p.add(field(
                    "itCapacityKw",
                    "the design IT capacity is above 0 and at most 1,000,000 kW (1 GW), not '" + f.itCapacityKw()
                            + "'"));
        }
        if (f.racks() != null && !(f.racks() >= 1 && f.racks() <= MAX_RACKS)) {
            p.add(field("racks", "racks are 1 to 200,000, not '" + f.racks() + "'"));
        }
        if (f.commissioned() != null && !(f.commissioned() >= 1990 && f.commissioned() <= 2100)) {
            p.add(field("commissioned", "the year in service is 1990–2100, not '" + f.commissioned() + "'"));
        }
        if (f.targetScope() != null
                && !f.targetScope().isBlank()
                && Pue.targets().stream()
                        .noneMatch(t -> t.scope().equals(f.targetScope().strip()))) {
            p.add(field("targetScope", "'" + f.targetScope() + "' is not a PUE target of pue_targets.csv"));
        }
        return p;
    }

    /** The checked form as a data centre of {@code enterprise} (call {@link #check} first). */
    public static DataCentre of(long id, String enterprise, Form f) {
        String cluster = f.cluster() == null || f.cluster().isBlank()
                ? ""
                : cluster(f.cluster()).orElseThrow().code();
        String scope = f.targetScope() == null || f.targetScope().isBlank()
                ? defaultScope(cluster, f.commissioned())
                : f.targetScope().strip();
        return new DataCentre(
                id,
                enterprise,
                f.code().strip(),
                f.name().strip(),
                cluster,
                Coded.parse(Status.class, f.status()).orElseThrow(),
                Coded.parse(Cooling.class, f.cooling()).orElseThrow(),
                f.itCapacityKw(),
                f.racks(),
                f.commissioned(),
                scope);
    }

    private static Problem field(String column, String message) {
        return Problem.at("datacentre.field", "form", 0, column, message);
    }
}
