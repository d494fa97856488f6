package dev.peakline.app.server.filing;

import dev.peakline.domain.Enterprise;
import dev.peakline.io.filing.FilingReader;
import dev.peakline.io.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A month filed through the web form or the API. Amounts are text so that a mistyped number is reported on its line
 * like any other problem, by the same reader that reads uploaded files.
 */
public record FilingForm(
        String period,
        List<Activity> activity,
        List<Process> process,
        List<Production> production,
        List<Output> output) {

    /**
     * 活动数据: carrier (能源品种), use (燃烧/原料/过程/外购/输出), amount and unit; measured NCV (GJ/t) and carbon (tC/TJ);
     * how the amount was obtained (实测/计算/估算/缺省, optional); the uncertainty (%) of the amount and of the factor
     * (optional).
     */
    public record Activity(
            String carrier,
            String use,
            String amount,
            String unit,
            String measuredNcv,
            String measuredCarbon,
            String quality,
            String uncertainty,
            String factorUncertainty) {
        public Activity(
                String carrier, String use, String amount, String unit, String measuredNcv, String measuredCarbon) {
            this(carrier, use, amount, unit, measuredNcv, measuredCarbon, null, null, null);
        }

        public Activity(
                String carrier,
                String use,
                String amount,
                String unit,
                String measuredNcv,
                String measuredCarbon,
                String quality) {
            this(carrier, use, amount, unit, measuredNcv, measuredCarbon, quality, null, null);
        }
    }

    /** 过程: a process code, its driving quantity and parameters {@code key=value;…}. */
    public record Process(String process, String amount, String unit, String parameters) {}

    /** 产量. */
    public record Production(String product, String amount, String unit) {}

    /** 工业增加值. */
    public record Output(String valueAdded, String unit) {}

    /** The form's lines read as a filing of the enterprise, by the reader that reads files. */
    public FilingReader.Read read(Enterprise e) {
        return FilingReader.read(activityTable(e), processTable(e), productionTable(e), outputTable(e));
    }

    private Table activityTable(Enterprise e) {
        return table(
                "activity",
                List.of(
                        "enterprise",
                        "region",
                        "industry",
                        "period",
                        "carrier",
                        "quantity",
                        "unit",
                        "use",
                        "ncv",
                        "carbon_content",
                        "quality",
                        "uncertainty",
                        "factor_uncertainty"),
                activity,
                a -> List.of(
                        e.code().value(),
                        e.region().value(),
                        e.industry().value(),
                        period,
                        text(a.carrier()),
                        text(a.amount()),
                        text(a.unit()),
                        text(a.use()),
                        text(a.measuredNcv()),
                        text(a.measuredCarbon()),
                        text(a.quality()),
                        text(a.uncertainty()),
                        text(a.factorUncertainty())));
    }

    private Optional<Table> processTable(Enterprise e) {
        return optional(table(
                "process",
                List.of("enterprise", "period", "process", "quantity", "unit", "parameters"),
                process,
                p -> List.of(
                        e.code().value(),
                        period,
                        text(p.process()),
                        text(p.amount()),
                        text(p.unit()),
                        text(p.parameters()))));
    }

    private Optional<Table> productionTable(Enterprise e) {
        return optional(table(
                "production",
                List.of("enterprise", "period", "product", "quantity", "unit"),
                production,
                p -> List.of(e.code().value(), period, text(p.product()), text(p.amount()), text(p.unit()))));
    }

    private Optional<Table> outputTable(Enterprise e) {
        return optional(table(
                "output",
                List.of("enterprise", "period", "value_added", "unit"),
                output,
                o -> List.of(e.code().value(), period, text(o.valueAdded()), text(o.unit()))));
    }

    private static Optional<Table> optional(Table t) {
        return t.lines().size() > 1 ? Optional.of(t) : Optional.empty();
    }

    /** Line 0 is the header; the form's lines are numbered from 1 as the user sees them. */
    private static <T> Table table(String name, List<String> header, List<T> rows, Function<T, List<String>> cells) {
        List<Table.Line> lines = new ArrayList<>();
        lines.add(new Table.Line(0, header));
        int n = 1;
        for (T r : rows == null ? List.<T>of() : rows) {
            lines.add(new Table.Line(n++, cells.apply(r)));
        }
        return new Table(name, lines);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
