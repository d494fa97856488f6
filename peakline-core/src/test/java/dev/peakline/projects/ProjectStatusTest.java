package dev.peakline.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectStatusTest {
    @Test
    void theLifecycleAllowsOnlyItsSteps() {
        assertThat(ProjectStatus.PROPOSED.canMoveTo(ProjectStatus.UNDER_REVIEW)).isTrue();
        assertThat(ProjectStatus.PROPOSED.canMoveTo(ProjectStatus.UNDER_CONSTRUCTION))
                .isFalse();
        assertThat(ProjectStatus.UNDER_REVIEW.next())
                .containsExactlyInAnyOrder(ProjectStatus.APPROVED, ProjectStatus.REFUSED);
        assertThat(ProjectStatus.REFUSED.canMoveTo(ProjectStatus.UNDER_CONSTRUCTION))
                .isFalse();
        assertThat(ProjectStatus.APPROVED.canMoveTo(ProjectStatus.UNDER_CONSTRUCTION))
                .isTrue();
        assertThat(ProjectStatus.UNDER_CONSTRUCTION.canMoveTo(ProjectStatus.OPERATING))
                .isTrue();
        assertThat(ProjectStatus.OPERATING.canMoveTo(ProjectStatus.CLOSED)).isTrue();
        assertThat(ProjectStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void twoHighSectorsByIndustryCode() {
        assertThat(TwoHigh.sectorOf("3216").orElseThrow().sector()).isEqualTo("有色金属冶炼");
        assertThat(TwoHigh.sectorOf("4411").orElseThrow().sector()).isEqualTo("煤电");
        assertThat(TwoHigh.sectorOf("3011").orElseThrow().sector()).isEqualTo("建材");
        assertThat(TwoHigh.sectorOf("6550")).isEmpty();
        // coal-fired combined heat and power is coal power; rolling (313 steel, 325 non-ferrous) is not smelting
        assertThat(TwoHigh.sectorOf("4412").orElseThrow().sector()).isEqualTo("煤电");
        assertThat(TwoHigh.sectorOf("3130")).isEmpty();
        assertThat(TwoHigh.sectorOf("3251")).isEmpty();
        assertThat(TwoHigh.sectorOf("3120").orElseThrow().sector()).isEqualTo("钢铁");
        assertThat(TwoHigh.sectorOf("4413")).isEmpty(); // hydropower
    }
}
