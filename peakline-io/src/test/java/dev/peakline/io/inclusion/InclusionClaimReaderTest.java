package dev.peakline.io.inclusion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import org.junit.jupiter.api.Test;

class InclusionClaimReaderTest {
    static final String CODE = "91520181MA6DKQ3L5C";
    static final String HEAD = "participant,source_record,date,activity_mwh,evidence,claimed_elsewhere\n";

    @Test
    void aStatementIsRead() {
        InclusionClaimReader.Read r =
                InclusionClaimReader.read(Table.csv("c.csv", HEAD + CODE + ",结算单-1,2024-03-31,12.5,电网结算单,否\n"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.claims().get(0).activity()).isEqualTo(12.5);
        assertThat(r.claims().get(0).claimedElsewhere()).isFalse();
    }

    @Test
    void everyBadRowIsNamedAtOnceAndNothingIsRead() {
        InclusionClaimReader.Read r = InclusionClaimReader.read(Table.csv(
                "c.csv",
                HEAD + CODE + ",r-1970,1970-01-31,1,x,否\n"
                        + CODE + ",r-big,2024-01-31,1e300,x,否\n"
                        + CODE + ",r-neg,2024-01-31,-3,x,否\n"
                        + CODE + ",r-big,2024-02-29,1,x,否\n"
                        + "91520181MA6DKQ3L5X,r-code,2024-01-31,1,x,也许\n"));
        assertThat(r.claims()).isEmpty();
        assertThat(r.problems())
                .extracting(Problem::row, Problem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "date"),
                        org.assertj.core.groups.Tuple.tuple(3, "activity_mwh"),
                        org.assertj.core.groups.Tuple.tuple(4, "activity_mwh"),
                        org.assertj.core.groups.Tuple.tuple(5, "source_record"),
                        org.assertj.core.groups.Tuple.tuple(6, "participant"),
                        org.assertj.core.groups.Tuple.tuple(6, "claimed_elsewhere"));
    }
}
