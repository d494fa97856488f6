package dev.peakline.store.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.accounting.AccountingInput;
import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.DataQuality;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A filed line goes into the database and back into the engine unchanged. */
class FilingContentsTest {
    static final String FIRST17 = "91520181MA6DKQ3L5";
    static final CreditCode ACME = CreditCode.of(FIRST17 + CreditCode.checkCharacter(FIRST17));
    static final YearMonth MONTH = YearMonth.of(2023, 3);

    @Test
    void measuredValuesQualityAndUncertaintiesSurviveTheRoundTrip() {
        // measured carbon content 26.5 tC/TJ is 0.0265 tC/GJ to the engine
        ActivityRecord coal = new ActivityRecord(
                ACME,
                RegionCode.of("520181"),
                IndustryCode.of("3216"),
                MONTH,
                "烟煤",
                Quantity.of(1000, Unit.T),
                Use.COMBUSTION,
                20.5,
                0.0265,
                1,
                DataQuality.MEASURED,
                2,
                3);
        FilingRepository.Content c = FilingContents.of(
                new AccountingInput("t", List.of(coal), List.of(), List.of(), List.of()), ACME, MONTH);
        FilingRepository.ActivityLine line = c.activity().get(0);
        // stored as filed: tC/TJ
        assertThat(line.measuredCarbon()).isEqualByComparingTo(new BigDecimal("26.5"));
        assertThat(line.uncertainty()).isEqualByComparingTo(new BigDecimal("2"));
        ActivityRecord back = FilingContents.input(
                        "t",
                        List.of(new FilingContents.Entry(
                                ACME, RegionCode.of("520181"), IndustryCode.of("3216"), MONTH, c)))
                .activity()
                .get(0);
        // before 2026-11 the stored tC/TJ reached the engine as tC/GJ, 1,000 times too large
        assertThat(back.measuredCarbonContent()).isCloseTo(0.0265, within(1e-12));
        assertThat(back.measuredNcv()).isCloseTo(20.5, within(1e-12));
        assertThat(back.quality()).isEqualTo(DataQuality.MEASURED);
        assertThat(back.uncertainty()).isEqualTo(2.0);
        assertThat(back.factorUncertainty()).isEqualTo(3.0);
    }
}
