package dev.peakline.domain;

import java.time.ZoneId;

/** The time zone of China's calendar days and months (Beijing time, no daylight saving): periods, meter days, partitions. */
public final class ChinaTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}
}
