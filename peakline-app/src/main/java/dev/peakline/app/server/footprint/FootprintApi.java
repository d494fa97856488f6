package dev.peakline.app.server.footprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.report.Report;
import dev.peakline.problems.Refusal;
import dev.peakline.store.footprint.FootprintRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 产品碳足迹 (issue 19): a product's cradle-to-gate footprint from the enterprise's approved accounts of a year, the
 * allocation recorded, purchased inputs with their declared footprints; its contributions and data quality, and a
 * footprint certificate (PDF, Chinese).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "footprint", description = "产品碳足迹: from the accounts, allocation, inputs, certificate")
public class FootprintApi {
    private final Scopes scopes;
    private final Footprints footprints;
    private final FootprintRepository repository;
    private final ObjectMapper json;
    private final String pdfFont;
    private final String gwpReport;

    public FootprintApi(
            Scopes scopes,
            Footprints footprints,
            FootprintRepository repository,
            ObjectMapper json,
            @Value("${peakline.pdf.font:}") String pdfFont,
            dev.peakline.accounting.AccountingOptions options) {
        this.gwpReport = options.gwpReport();
        this.scopes = scopes;
        this.footprints = footprints;
        this.repository = repository;
        this.json = json;
        this.pdfFont = pdfFont;
    }

    @GetMapping("/enterprises/{code}/footprints/products")
    @Operation(summary = "The products the enterprise filed in a year with their output, and its scope 1 and 2")
    public Map<String, Object> products(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        Footprints.Year y = footprints.year(code, year);
        List<Map<String, Object>> products = new ArrayList<>();
        y.output()
                .forEach((k, v) -> products.add(
                        Map.of("product", k, "output", v[0], "unit", y.units().get(k))));
        return Map.of(
                "year",
                year,
                "products",
                products,
                "scope1",
                y.scope1(),
                "scope2",
                y.scope2(),
                "scope2Location",
                y.scope2Location(),
                "months",
                y.months());
    }

    @PostMapping("/enterprises/{code}/footprints")
    @Operation(
            summary = "Computes and saves a product's footprint ({product, year, allocation: mass|economic|physical,"
                    + " prices, share, basis, inputs: [{flow, amountPerUnit, unit, kgPerUnit, source, supplier}]});"
                    + " audited")
    public ResponseEntity<Map<String, Object>> save(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody Footprints.Form f) {
        scopes.register(me, code);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(footprints.save(me.actor(), code, f)));
    }

    @GetMapping("/enterprises/{code}/footprints")
    @Operation(summary = "The enterprise's saved footprints, latest year first")
    public List<Map<String, Object>> list(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        scopes.readEnterprise(me, code);
        return repository.of(code).stream().map(this::view).toList();
    }

    FootprintRepository.Footprint find(PeaklineUser me, long id) {
        FootprintRepository.Footprint f = repository.find(id).orElseThrow(() -> Refusal.notFound("footprint " + id));
        scopes.readEnterprise(me, f.enterprise());
        return f;
    }

    @GetMapping("/footprints/{id}")
    @Operation(summary = "A saved footprint with its contributions, inputs and data quality")
    public Map<String, Object> one(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        return view(find(me, id));
    }

    Map<String, Object> view(FootprintRepository.Footprint f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("enterprise", f.enterprise());
        m.put("product", f.product());
        m.put("year", f.year());
        m.put("output", f.output());
        m.put("unit", f.unit());
        m.put("allocation", f.allocation());
        m.put("basis", f.basis());
        m.put("share", f.share());
        m.put("kgPerUnit", f.kgPerUnit());
        m.put("primaryShare", f.primaryShare());
        try {
            m.put("contributions", json.readValue(f.contributions(), new TypeReference<Map<String, Double>>() {}));
            m.put("inputs", json.readValue(f.inputs(), new TypeReference<List<Map<String, Object>>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        m.put("createdAt", f.createdAt());
        return m;
    }

    @GetMapping("/footprints/{id}/certificate.pdf")
    @Operation(summary = "The footprint certificate (PDF, Chinese, embedded font)")
    @SuppressWarnings("unchecked")
    public ResponseEntity<byte[]> certificate(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        FootprintRepository.Footprint f = find(me, id);
        Enterprise e = scopes.enterprise(f.enterprise());
        Map<String, Object> v = view(f);
        List<List<Object>> result = new ArrayList<>();
        result.add(List.of("产品", f.product()));
        result.add(List.of("声明单位", "1 " + f.unit()));
        result.add(List.of("碳足迹（千克CO₂e/声明单位）", String.format("%.3f", f.kgPerUnit())));
        result.add(List.of("系统边界", "从摇篮到大门（原料获取至产品出厂）"));
        result.add(List.of("数据年份", f.year() + " 年（经核查通过的碳账户）"));
        result.add(List.of("年产量", String.format("%.3f %s", f.output(), f.unit())));
        result.add(List.of("分配方法", allocationCn(f.allocation()) + (f.basis().isEmpty() ? "" : "（" + f.basis() + "）")));
        result.add(List.of("分配比例", String.format("%.4f", f.share())));
        result.add(List.of("本企业数据占比（初级数据）", String.format("%.1f%%", 100 * f.primaryShare())));
        List<List<Object>> contributions = new ArrayList<>();
        ((Map<String, Double>) v.get("contributions"))
                .forEach((k, x) -> contributions.add(List.of(k, String.format("%.3f", x))));
        List<List<Object>> inputs = new ArrayList<>();
        for (Map<String, Object> i : (List<Map<String, Object>>) v.get("inputs")) {
            inputs.add(List.of(
                    i.get("flow"),
                    i.get("amountPerUnit") + " " + i.get("unit"),
                    i.get("kgPerUnit"),
                    i.get("source"),
                    Boolean.TRUE.equals(i.get("supplier")) ? "供应商数据" : "次级数据"));
        }
        Report r = new Report(
                "产品碳足迹证书",
                List.of(
                        "企业：" + e.name() + "（" + e.code().value() + "）",
                        "依据：GB/T 24067-2024《温室气体 产品碳足迹 量化要求和指南》与 ISO 14067:2018；矩阵法求解。",
                        "本证书由 Peakline 按企业经核查的碳账户计算生成，未经第三方核证。"),
                List.of(
                        new Report.Section("碳足迹", List.of(), List.of("项目", "内容"), result),
                        new Report.Section("各过程贡献", List.of(), List.of("过程", "千克CO₂e/声明单位"), contributions),
                        new Report.Section(
                                "外购原料",
                                List.of(inputs.isEmpty() ? "未纳入外购原料（无已注明来源的原料碳足迹）。" : ""),
                                List.of("原料", "单耗", "碳足迹（千克CO₂e/单位）", "来源", "数据类型"),
                                inputs)));
        return Exports.pdf(r, "footprint-" + f.id() + "-certificate", pdfFont);
    }

    @GetMapping(path = "/footprints/{id}/pact", produces = "application/json")
    @Operation(summary = "The footprint in the PACT (Pathfinder) 3.0 data model, for a customer's system")
    public Map<String, Object> pact(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        FootprintRepository.Footprint f = find(me, id);
        Enterprise e = scopes.enterprise(f.enterprise());
        return Pact.export(f, e.name(), e.region().value(), gwpReport);
    }

    @PostMapping(path = "/footprints/pact/check", consumes = "application/json")
    @Operation(
            summary =
                    "Checks a supplier's PACT 3.0 ProductFootprint (required fields, formats, the biogenic rule) and"
                            + " gives the footprint per base unit to enter as a purchased input; 422 footprint.invalid by field")
    public Pact.Read check(@RequestBody com.fasterxml.jackson.databind.JsonNode body) {
        List<dev.peakline.problems.Problem> problems = new ArrayList<>();
        Pact.Read r = body == null || !body.isObject() ? null : Pact.read(body, problems);
        if (r == null) {
            if (problems.isEmpty()) {
                problems.add(dev.peakline.problems.Problem.at("footprint.pact", "pact", 0, "/", "a JSON object"));
            }
            throw Refusal.of(
                    dev.peakline.problems.ErrorCode.FOOTPRINT_INVALID,
                    problems.size() + " problem(s) with the PACT footprint",
                    problems);
        }
        return r;
    }

    static String allocationCn(String a) {
        return switch (a) {
            case "mass" -> "质量分配";
            case "economic" -> "经济价值分配";
            default -> "物理关系分配";
        };
    }
}
