package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The role matrix, taken from the OpenAPI document itself so that an endpoint is covered the day it is added: every
 * operation is called anonymously, by each demo role within its scope, and by the roles that have a scope (enterprise
 * and city users, the verifier) on an enterprise or region outside it. Anonymous calls answer 401; no call answers 5xx;
 * a call outside the caller's scope never succeeds. Calls are made with harmless arguments (an unknown id, an empty
 * body), so the matrix changes nothing that other tests read.
 */
class RoleMatrixIT extends ServerTest {
    static final List<String> ROLES = List.of("admin", "province", "guiyang", "enterprise", "enterprise2", "verifier");
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** One operation of the OpenAPI document with its required query parameters. */
    record Operation(String method, String path, List<String> required) {}

    List<Operation> operations() {
        JsonNode doc = anonymous().json(anonymous().get("/v3/api-docs"), 200);
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<String> required = new ArrayList<>();
                for (JsonNode param : op.getValue().path("parameters")) {
                    if (param.path("in").asText().equals("query")
                            && param.path("required").asBoolean()) {
                        required.add(param.get("name").asText());
                    }
                }
                out.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), p.getKey(), required));
            }
        }
        return out;
    }

    /** A value for a path variable or query parameter; enterprise and region values come from the arguments. */
    static String value(String name, String path, String enterprise, String region) {
        return switch (name) {
            case "code" -> path.startsWith("/api/v1/enterprises/") ? enterprise : region;
            case "region" -> region;
            case "enterprise" -> enterprise;
            case "year" -> "2024";
            case "period" -> "2024-01";
            case "id", "job", "facility", "plan", "target" -> "987654321";
            case "version" -> "0.0.0";
            case "setId" -> "no-such-set";
            case "format" -> "json";
            default -> "nothing";
        };
    }

    static String uri(Operation op, String enterprise, String region) {
        Matcher m = VARIABLE.matcher(op.path());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, value(m.group(1), op.path(), enterprise, region));
        }
        m.appendTail(b);
        StringBuilder q = new StringBuilder();
        for (String name : op.required()) {
            q.append(q.length() == 0 ? "?" : "&")
                    .append(name)
                    .append('=')
                    .append(value(name, op.path(), enterprise, region));
        }
        return b + q.toString();
    }

    static HttpResponse<String> call(Client c, String method, String uri) {
        HttpRequest.Builder b = c.builder(uri).header("Content-Type", "application/json");
        return c.send(
                switch (method) {
                    case "GET" -> b.GET();
                    case "DELETE" -> b.DELETE();
                    default -> b.method(method, HttpRequest.BodyPublishers.ofString("{}"));
                });
    }

    static boolean scoped(Operation op) {
        return op.path().startsWith("/api/v1/enterprises/{code}")
                || op.path().contains("/regions/{code}")
                || op.required().contains("region");
    }

    @Test
    void everyOperationOfTheApiDocumentHonoursTheRoleMatrix() {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(60);
        Map<String, Client> clients = new LinkedHashMap<>();
        Map<String, String> own = new LinkedHashMap<>();
        for (String role : ROLES) {
            Client c = as(role);
            clients.put(role, c);
            own.put(role, c.json(c.get("/api/v1/me"), 200).path("enterprise").asText(""));
        }
        String guiyangEnterprise = own.get("enterprise").isEmpty() ? "" : own.get("enterprise"); // in 520181, Guiyang
        String zunyiEnterprise = own.get("enterprise2"); // in 520303, Zunyi
        Client anon = anonymous();
        anon.get("/actuator/health");
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations) {
            // anonymous: 401 everywhere but the public pages' API (published disclosures), which never fails
            HttpResponse<String> a = call(anon, op.method(), uri(op, guiyangEnterprise, "520100"));
            calls++;
            if (op.path().startsWith("/api/v1/public/")) {
                if (a.statusCode() >= 500 || !op.method().equals("GET")) {
                    failures.add("anonymous " + op + " → " + a.statusCode() + " (public: GET only, never 5xx)");
                }
            } else if (a.statusCode() != 401) {
                failures.add("anonymous " + op + " → " + a.statusCode());
            }
            for (String role : ROLES) {
                String enterprise = own.get(role).isEmpty() ? guiyangEnterprise : own.get(role);
                HttpResponse<String> in = call(clients.get(role), op.method(), uri(op, enterprise, "520100"));
                calls++;
                if (in.statusCode() >= 500) {
                    failures.add(role + " " + op + " → " + in.statusCode() + " " + in.body());
                }
                if (!scoped(op) || role.equals("admin") || role.equals("province")) {
                    continue;
                }
                // outside the caller's scope: another city's region and enterprise (the first enterprise's for the
                // second enterprise user)
                String foreign = role.equals("enterprise2") ? guiyangEnterprise : zunyiEnterprise;
                HttpResponse<String> out = call(clients.get(role), op.method(), uri(op, foreign, "520300"));
                calls++;
                if (out.statusCode() < 400 || out.statusCode() >= 500) {
                    failures.add(role + " outside its scope " + op + " → " + out.statusCode());
                }
            }
        }
        System.out.printf("role matrix: %d calls over %d operations%n", calls, operations.size());
        assertThat(failures)
                .as("%d calls over %d operations", calls, operations.size())
                .isEmpty();
    }
}
