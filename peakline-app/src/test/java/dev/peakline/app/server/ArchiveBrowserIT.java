package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.app.server.monitoring.RollupWorker;
import dev.peakline.domain.ChinaTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After an operator moves an old month of readings into the archive, the enterprise's energy manager sees on 在线监测, in
 * Chinese, that a late reading for that month was refused and why; the month's day figure stays.
 */
class ArchiveBrowserIT extends BrowserTest {
    @Autowired
    RollupWorker worker;

    @Test
    void aLateReadingForAnArchivedMonthIsShownRefusedInChinese() throws Exception {
        Client e = as("enterprise2");
        String code = e.json(e.get("/api/v1/me"), 200).path("enterprise").asText();
        // a month of its own, older than any other test's or the demo's readings
        YearMonth m = thisMonth().minusMonths(70);
        LocalDate d = m.atDay(1);
        e.json(e.post("/api/v1/enterprises/" + code + "/meters", hourlyKwhMeter("AB-01", d)), 201);
        String token = e.json(e.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"ab\"}"), 201)
                .path("token")
                .asText();
        assertThat(e.json(
                                ingest(
                                        e,
                                        token,
                                        "application/json",
                                        "{\"readings\":[" + hourlyItems("AB-01", d, 7) + "]}"),
                                200)
                        .path("accepted")
                        .asInt())
                .isEqualTo(24);
        worker.drain();

        // the operator: ./peakline archive --readings --from M --before M+1 --drop
        Path out = Files.createTempDirectory("peakline-archive-browser");
        assertThat(ArchiveIT.cli(
                        "archive",
                        "--readings",
                        "--from",
                        m.toString(),
                        "--before",
                        m.plusMonths(1).toString(),
                        "--drop",
                        "--out",
                        out.toString(),
                        "--data-dir",
                        DATA.toString()))
                .isZero();
        // the gateway sends a late reading for that month
        String late = "{\"readings\":[{\"meter\":\"AB-01\",\"ts\":\""
                + d.atStartOfDay(ChinaTime.ZONE).plusMinutes(30).toOffsetDateTime() + "\",\"value\":7}]}";
        assertThat(e.json(ingest(e, token, "application/json", late), 200)
                        .path("rejected")
                        .get(0)
                        .path("reason")
                        .asText())
                .isEqualTo("reading.archived");

        // the energy manager, in Chinese: the refused reading, its meter and why
        login("enterprise2");
        browser.get(url("/monitoring.html?code=" + code));
        wait.until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-ready")));
        String rejected = visible(By.id("rejected")).getText();
        assertThat(rejected).contains("AB-01", "该月读数已转入归档，不再接收").doesNotContain("reading.archived");
        // the month's day figure stays: 24 hours × 7 kWh = 168 kWh
        assertThat(e.json(
                                e.get("/api/v1/enterprises/" + code + "/monitoring/days?from=" + d + "&to=" + d
                                        + "&meter=AB-01"),
                                200)
                        .get(0)
                        .path("consumption")
                        .asDouble())
                .isEqualTo(168.0);
    }
}
