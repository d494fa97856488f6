package dev.peakline.app.server.registry;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.store.Database;
import dev.peakline.store.registry.EnterpriseRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An enterprise's profile: name, region, industry, park and facilities. */
@RestController
@RequestMapping("/api/v1/enterprises/{code}")
@Tag(name = "enterprises", description = "企业: an enterprise's profile and facilities")
public class EnterpriseApi {
    private final Scopes scopes;
    private final Database db;
    private final EnterpriseRepository enterpriseRepository;

    public EnterpriseApi(Scopes scopes, Database db, EnterpriseRepository enterpriseRepository) {
        this.scopes = scopes;
        this.db = db;
        this.enterpriseRepository = enterpriseRepository;
    }

    @GetMapping
    @Operation(summary = "Profile: name, region, industry, park and facilities")
    public Map<String, Object> profile(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Enterprise e = scopes.readEnterprise(me, code);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditCode", code);
        m.put("name", e.name());
        m.put("region", e.region().value());
        m.put(
                "regionName",
                scopes.registry().lineage(e.region()).stream()
                        .map(r -> r.name())
                        .reduce((a, b) -> b + " " + a)
                        .orElse(""));
        m.put("industry", e.industry().value());
        m.put(
                "industryName",
                scopes.registry()
                        .industry(e.industry().value())
                        .map(i -> i.name())
                        .orElse(""));
        m.put("keyEnergyUnit", e.keyEnergyUnit());
        m.put("facilities", enterpriseRepository.facilities(e.code()));
        return m;
    }
}
