package dev.peakline.app.server.filing;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Requests;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.filing.FilingTemplate;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.Filing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An enterprise's filings (填报): every version of its months, filing by form or upload, the template. */
@RestController
@RequestMapping("/api/v1/enterprises/{code}")
@Tag(name = "filings", description = "填报 of one enterprise: versions, form, upload, template")
public class EnterpriseFilingApi {
    private final Scopes scopes;
    private final Filings filings;
    private final FilingRepository repository;

    public EnterpriseFilingApi(Scopes scopes, Filings filings, FilingRepository repository) {
        this.scopes = scopes;
        this.filings = filings;
        this.repository = repository;
    }

    @GetMapping("/filings")
    @Operation(summary = "Every version of every month of a year, newest first")
    public List<Filing> filings(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        return repository.list(e.code(), year);
    }

    @PostMapping("/filings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Files a month from form lines; 422 with row-level problems when anything is wrong")
    public Filing file(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody FilingForm form) {
        Enterprise e = scopes.fileFor(me, code);
        YearMonth p = Requests.period(form.period());
        if (form.activity() == null || form.activity().isEmpty()) {
            throw Refusal.field(
                    ErrorCode.FILING_EMPTY, "activity", "a filing needs at least one line of activity data");
        }
        return filings.file(me, e, p, "FORM", form.read(e));
    }

    @PostMapping(path = "/filings/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Files a month from the Excel template or an activity CSV (at most 10 MB)")
    public Filing upload(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam String period,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        Enterprise e = scopes.fileFor(me, code);
        YearMonth p = Requests.period(period);
        if (file.isEmpty()) {
            throw Refusal.field(ErrorCode.UPLOAD_EMPTY, "file", "the uploaded file is empty");
        }
        return filings.upload(me, e, p, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The filing workbook for a month, with the enterprise's codes filled in")
    public ResponseEntity<byte[]> template(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam String period) {
        Enterprise e = scopes.readEnterprise(me, code);
        YearMonth p = Requests.period(period);
        byte[] bytes =
                FilingTemplate.write(code, e.region().value(), e.industry().value(), p.toString());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"filing-" + code + "-" + p + ".xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(bytes);
    }
}
