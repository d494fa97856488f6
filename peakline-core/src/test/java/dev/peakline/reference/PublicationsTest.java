package dev.peakline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every document behind a shipped factor has its Chinese title, shown by the page's language (issue 29). */
class PublicationsTest {
    @Test
    void everyShippedFactorsPublicationHasAChineseTitle() {
        List<String> missing = new ArrayList<>();
        for (FactorSet set : ReferenceLibrary.shipped().layers()) {
            for (EmissionFactor f : set.all()) {
                if (!f.publication().isEmpty() && !Publications.known(f.publication())) {
                    missing.add(set.id() + ": " + f.publication());
                }
            }
        }
        assertThat(missing)
                .as("publications without a title in publications.csv")
                .isEmpty();
    }

    @Test
    void theTitleFollowsTheLanguageWithItsDateAndDataYear() {
        String steel = "NDRC enterprise GHG accounting guidelines 2013-2015, Annex default fuel table"
                + " (steel/magnesium/first batch)";
        assertThat(Publications.title(steel, true))
                .startsWith("《中国钢铁生产企业温室气体排放核算方法与报告指南（试行）》")
                .contains("发改办气候〔2013〕2526号");
        assertThat(Publications.title(steel, false)).isEqualTo(steel);
        String grid = "关于发布2022年电力二氧化碳排放因子的公告 公告2024年第33号 (MEE & NBS) (published 2024-12-23); data year 2022";
        assertThat(Publications.title(grid, true))
                .isEqualTo("《关于发布2022年电力二氧化碳排放因子的公告》（生态环境部、国家统计局 公告2024年第33号）（发布于 2024-12-23；数据年份 2022）");
        assertThat(Publications.title(grid, false))
                .isEqualTo(
                        "Announcement of the 2022 electricity CO2 emission factors (MEE and NBS Announcement 2024 No. 33)"
                                + " (published 2024-12-23); data year 2022");
        assertThat(Publications.title(
                        "2006 IPCC Guidelines Vol.2 Ch.2 Table 2.3 (manufacturing industries and construction), Natural gas",
                        true))
                .isEqualTo("《2006年IPCC国家温室气体清单指南》第2卷 第2章 表2.3（制造业和建筑业），天然气");
        // a user's own set is shown as written
        assertThat(Publications.title("贵州省实测因子 2024", true)).isEqualTo("贵州省实测因子 2024");
    }
}
