package dev.peakline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ArchiveCommandTest {
    @Test
    void monthsAsUsersWriteThem() {
        assertThat(ArchiveCommand.month("2024-03", "--from", false)).isEqualTo(YearMonth.of(2024, 3));
        assertThat(ArchiveCommand.month(" 2024-3 ", "--from", false)).isEqualTo(YearMonth.of(2024, 3));
        // a year is its first month as a start and its last as an end
        assertThat(ArchiveCommand.month("2024", "--from", false)).isEqualTo(YearMonth.of(2024, 1));
        assertThat(ArchiveCommand.month("2024", "--to", true)).isEqualTo(YearMonth.of(2024, 12));
        assertThat(ArchiveCommand.month(null, "--to", true)).isNull();
    }

    @Test
    void anythingElseIsRefusedWithWhatToWrite() {
        for (String bad : new String[] {"2024-13", "2024-03-05", "March 2024", "24-03", ""}) {
            assertThatThrownBy(() -> ArchiveCommand.month(bad, "--before", false))
                    .hasMessage("--before '" + bad + "' is not a month: write YYYY-MM (e.g. 2024-03) or a year (2024)");
        }
    }
}
