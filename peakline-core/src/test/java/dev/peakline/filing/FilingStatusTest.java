package dev.peakline.filing;

import static dev.peakline.filing.FilingStatus.APPROVED;
import static dev.peakline.filing.FilingStatus.DRAFT;
import static dev.peakline.filing.FilingStatus.RETURNED;
import static dev.peakline.filing.FilingStatus.SUBMITTED;
import static dev.peakline.filing.FilingStatus.SUPERSEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peakline.filing.FilingStatus.Step;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilingStatusTest {

    @Test
    void aMonthGoesFromDraftThroughTheVerifierToApprovedAndIsSupersededByACorrection() {
        assertThat(DRAFT.after(Step.SUBMIT, "v1")).isEqualTo(SUBMITTED);
        assertThat(SUBMITTED.after(Step.RETURN, "v1")).isEqualTo(RETURNED);
        assertThat(RETURNED.after(Step.SUBMIT, "v1")).isEqualTo(SUBMITTED);
        assertThat(SUBMITTED.after(Step.APPROVE, "v1")).isEqualTo(APPROVED);
        assertThat(APPROVED.after(Step.SUPERSEDE, "v1")).isEqualTo(SUPERSEDED);
    }

    @Test
    void theEnterpriseWithdrawsASubmittedVersionOrDiscardsADraftOrReturnedOne() {
        assertThat(SUBMITTED.after(Step.WITHDRAW, "v1")).isEqualTo(DRAFT);
        assertThat(DRAFT.after(Step.DISCARD, "v1")).isEqualTo(FilingStatus.DISCARDED);
        assertThat(RETURNED.after(Step.DISCARD, "v1")).isEqualTo(FilingStatus.DISCARDED);
        // a discarded version is closed: it neither blocks a new version nor can be changed
        assertThat(FilingStatus.DISCARDED.open()).isFalse();
        assertThat(FilingStatus.DISCARDED.editable()).isFalse();
    }

    @Test
    void everyOtherStepIsRefusedAsAStateConflict() {
        // the whole table: 6 states × 6 steps, exactly 8 allowed
        Map<Step, EnumSet<FilingStatus>> allowed = new EnumMap<>(Step.class);
        allowed.put(Step.SUBMIT, EnumSet.of(DRAFT, RETURNED));
        allowed.put(Step.RETURN, EnumSet.of(SUBMITTED));
        allowed.put(Step.APPROVE, EnumSet.of(SUBMITTED));
        allowed.put(Step.SUPERSEDE, EnumSet.of(APPROVED));
        allowed.put(Step.WITHDRAW, EnumSet.of(SUBMITTED));
        allowed.put(Step.DISCARD, EnumSet.of(DRAFT, RETURNED));
        int refused = 0;
        for (Step step : Step.values()) {
            for (FilingStatus s : FilingStatus.values()) {
                assertThat(s.allows(step))
                        .as("%s from %s", step, s)
                        .isEqualTo(allowed.get(step).contains(s));
                if (!s.allows(step)) {
                    refused++;
                    assertThatThrownBy(() -> s.after(step, "filing 7"))
                            .isInstanceOf(Refusal.class)
                            .hasMessageContaining("filing 7 is " + s)
                            .extracting(e -> ((Refusal) e).code())
                            .isEqualTo(ErrorCode.STATE);
                }
            }
        }
        assertThat(refused).isEqualTo(6 * 6 - 8);
    }

    @Test
    void onlyDraftsAndReturnedVersionsAreEditableAndOpenVersionsBlockANewOne() {
        assertThat(EnumSet.allOf(FilingStatus.class).stream().filter(FilingStatus::editable))
                .containsExactly(DRAFT, RETURNED);
        assertThat(EnumSet.allOf(FilingStatus.class).stream().filter(FilingStatus::open))
                .containsExactly(DRAFT, SUBMITTED, RETURNED);
        assertThatThrownBy(() -> APPROVED.checkEditable("filing 9"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("a correction is a new version");
        DRAFT.checkEditable("filing 9");
    }

    @Test
    void statesHaveChineseNames() {
        assertThat(DRAFT.nameCn()).isEqualTo("草稿");
        assertThat(SUPERSEDED.nameCn()).isEqualTo("已被替代");
        assertThat(Step.RETURN.nameCn()).isEqualTo("退回");
    }
}
