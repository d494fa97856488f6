package dev.peakline.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.domain.ChinaTime;
import java.time.LocalDate;

/**
 * A test's own data centre at the enterprise of a client: registered in the Gui'an cluster against the standard's
 * limit (1.50), a facility and an IT meter each read once a day (INTERVAL, 86,400 s), 24,000 kWh of IT a day and
 * {@code pue} × that of facility, over {@code from..to}; the IT meter silent on {@code gap} (if any).
 */
final class DataCentreFixture {
    private DataCentreFixture() {}

    static String day(LocalDate d) {
        return d.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime().toString();
    }

    /** Registers the centre and its meters, sends the readings; returns the centre's id. */
    static long create(
            ServerTest t,
            ServerTest.Client e,
            String enterprise,
            String token,
            String code,
            double pue,
            LocalDate from,
            LocalDate to,
            LocalDate gap) {
        JsonNode d = e.json(
                e.post(
                        "/api/v1/enterprises/" + enterprise + "/data-centres",
                        "{\"code\":\"" + code + "\",\"name\":\"" + code + " 测试数据中心\",\"cluster\":\"贵安数据中心集群\","
                                + "\"status\":\"运行\",\"cooling\":\"水冷\",\"itCapacityKw\":1000,\"racks\":250,"
                                + "\"commissioned\":2018,\"targetScope\":\"limit\"}"),
                201);
        long id = d.get("id").asLong();
        for (String p : new String[] {"T", "I"}) {
            e.json(
                    e.post(
                            "/api/v1/enterprises/" + enterprise + "/meters",
                            ServerTest.meter(
                                    code + "-" + p, "电力", "kWh", "INTERVAL", 1, 86_400, day(from.minusDays(1)))),
                    201);
            e.json(
                    e.put(
                            "/api/v1/data-centres/" + id + "/meters/" + code + "-" + p,
                            "{\"position\":\"" + (p.equals("T") ? "总输入" : "it") + "\"}"),
                    200);
        }
        StringBuilder b = new StringBuilder("{\"readings\":[");
        for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
            // the day's interval ends at the next midnight
            String ts = day(x.plusDays(1));
            b.append("{\"meter\":\"")
                    .append(code)
                    .append("-T\",\"ts\":\"")
                    .append(ts)
                    .append("\",\"value\":")
                    .append(Math.round(24_000 * pue))
                    .append("},");
            if (!x.equals(gap)) {
                b.append("{\"meter\":\"")
                        .append(code)
                        .append("-I\",\"ts\":\"")
                        .append(ts)
                        .append("\",\"value\":24000},");
            }
        }
        b.setLength(b.length() - 1);
        b.append("]}");
        e.json(t.ingest(e, token, "application/json", b.toString()), 200);
        return id;
    }
}
