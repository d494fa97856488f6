package dev.peakline.app.server.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peakline.problems.Problem;
import dev.peakline.store.footprint.FootprintRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PactTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static FootprintRepository.Footprint saved() {
        return new FootprintRepository.Footprint(
                7,
                "91520181MA6DKQ3L5C",
                "原铝",
                2024,
                100_000,
                "t",
                "mass",
                "",
                5.0 / 6,
                "[]",
                13_420,
                "{}",
                11_500.0 / 13_420,
                Instant.parse("2025-03-01T00:00:00Z"),
                "admin");
    }

    @Test
    void anExportReadsBackUnderEveryRuleOfTheDataModel() {
        JsonNode pf = JSON.valueToTree(Pact.export(saved(), "示例铝业", "520181", "AR2"));
        List<Problem> problems = new ArrayList<>();
        Pact.Read r = Pact.read(pf, problems);
        assertThat(problems).isEmpty();
        // 13,420 kg CO2e per tonne = per 1,000 kg declared: 13.42 kg CO2e per kg; all fossil, no biogenic uptake
        assertThat(r.excluding()).isEqualTo(13_420.0);
        assertThat(r.including()).isEqualTo(13_420.0);
        assertThat(r.perBaseUnit()).isCloseTo(13.42, within(1e-12));
        assertThat(pf.get("pcf").get("geographyCountrySubdivision").asText()).isEqualTo("CN-GZ");
        assertThat(pf.get("pcf").get("primaryDataShare").asText()).isEqualTo("85.693");
        assertThat(pf.get("specVersion").asText()).isEqualTo("3.0.0");
    }

    @Test
    void theBiogenicRuleByHand() {
        // a bio-based input: 2.5 kg CO2e/kg excluding uptake, −0.5 kg CO2 taken up: including = 2.5 + (−0.5) = 2.0
        ObjectNode pf = JSON.valueToTree(Pact.export(saved(), "供应商", "520181", "AR6"));
        ObjectNode pcf = (ObjectNode) pf.get("pcf");
        pcf.put("declaredUnitAmount", "1");
        pcf.put("productMassPerDeclaredUnit", "1");
        pcf.put("pcfExcludingBiogenicUptake", "2.5");
        pcf.put("biogenicCO2Uptake", "-0.5");
        pcf.put("pcfIncludingBiogenicUptake", "2.0");
        pcf.put("fossilGhgEmissions", "1.8");
        List<Problem> problems = new ArrayList<>();
        Pact.Read r = Pact.read(pf, problems);
        assertThat(problems).isEmpty();
        assertThat(r.including()).isEqualTo(2.0);
        assertThat(r.biogenicUptake()).isEqualTo(-0.5);
        assertThat(r.fossil()).isEqualTo(1.8);
        // including given as 2.5: refused at that field; an uptake written positive: refused
        pcf.put("pcfIncludingBiogenicUptake", "2.5");
        List<Problem> bad = new ArrayList<>();
        assertThat(Pact.read(pf, bad)).isNull();
        assertThat(bad).extracting(Problem::column).containsExactly("/pcf/pcfIncludingBiogenicUptake");
        pcf.put("pcfIncludingBiogenicUptake", "3.0");
        pcf.put("biogenicCO2Uptake", "0.5");
        List<Problem> sign = new ArrayList<>();
        assertThat(Pact.read(pf, sign)).isNull();
        assertThat(sign).extracting(Problem::column).containsExactly("/pcf/biogenicCO2Uptake");
    }

    @Test
    void missingFieldsAndWrongFormatsAreNamedByPointer() {
        ObjectNode pf = JSON.valueToTree(Pact.export(saved(), "示例铝业", "520181", "AR2"));
        pf.remove("companyIds");
        pf.put("id", "not-a-uuid");
        ((ObjectNode) pf.get("pcf")).put("fossilGhgEmissions", 12.5); // a number, not a decimal string
        ((ObjectNode) pf.get("pcf")).put("declaredUnitOfMeasurement", "tonne");
        List<Problem> problems = new ArrayList<>();
        assertThat(Pact.read(pf, problems)).isNull();
        assertThat(problems)
                .extracting(Problem::column)
                .contains("/companyIds", "/id", "/pcf/fossilGhgEmissions", "/pcf/declaredUnitOfMeasurement");
    }
}
