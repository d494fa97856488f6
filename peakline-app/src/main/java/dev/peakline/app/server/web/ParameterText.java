package dev.peakline.app.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The query and form parameters of every request obey the same rule as JSON texts ({@link JsonText}): a parameter with
 * a control character or over the length limit is answered 400 naming it, before any controller sees it.
 */
@Component
public class ParameterText extends OncePerRequestFilter {
    private final ObjectMapper json;

    public ParameterText(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (req.getRequestURI().startsWith("/api/") && !isMultipart(req)) {
            for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
                String nameProblem = JsonText.problem(e.getKey());
                // a parameter whose name itself is refused is not repeated in the answer
                String field = nameProblem == null ? e.getKey() : "?";
                for (String v : e.getValue()) {
                    String why = nameProblem != null ? nameProblem : JsonText.problem(v);
                    if (why != null) {
                        String detail = "parameter " + field + ": " + why;
                        res.setStatus(
                                ApiErrors.status(ErrorCode.MALFORMED.kind()).value());
                        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        json.writeValue(
                                res.getOutputStream(),
                                ApiErrors.problem(
                                        ErrorCode.MALFORMED,
                                        detail,
                                        List.of(Problem.at("malformed", "request", 0, field, detail)),
                                        req));
                        return;
                    }
                }
            }
        }
        chain.doFilter(req, res);
    }

    private static boolean isMultipart(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }
}
