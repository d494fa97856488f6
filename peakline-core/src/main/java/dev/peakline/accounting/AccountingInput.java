package dev.peakline.accounting;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.OutputRecord;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.ProductionRecord;
import java.util.List;

/** Everything one accounting run reads: activity records and the optional companion records. */
public record AccountingInput(
        String sourceName,
        List<ActivityRecord> activity,
        List<ProcessRecord> process,
        List<ProductionRecord> production,
        List<OutputRecord> output) {
    public AccountingInput {
        sourceName = sourceName == null ? "" : sourceName;
        // lines held column by column are immutable already; copying would make a record of each
        activity = activity instanceof ActivityColumns ? activity : List.copyOf(activity);
        process = List.copyOf(process == null ? List.of() : process);
        production = List.copyOf(production == null ? List.of() : production);
        output = List.copyOf(output == null ? List.of() : output);
    }

    public static AccountingInput of(List<ActivityRecord> activity) {
        return new AccountingInput("", activity, List.of(), List.of(), List.of());
    }
}
