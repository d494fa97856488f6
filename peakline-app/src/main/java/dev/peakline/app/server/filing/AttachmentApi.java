package dev.peakline.app.server.filing;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.store.filing.Attachments;
import dev.peakline.store.filing.FilingRepository.Filing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Supporting documents of a filing version: the enterprise adds and removes them while it may change the version. */
@RestController
@RequestMapping("/api/v1/filings/{id}/attachments")
@Tag(name = "filings", description = "填报 workflow: draft → submitted → approved (locked) or returned → corrected")
public class AttachmentApi {
    private final Filings filings;
    private final Attachments attachments;
    private final Scopes scopes;

    public AttachmentApi(Filings filings, Attachments attachments, Scopes scopes) {
        this.filings = filings;
        this.attachments = attachments;
        this.scopes = scopes;
    }

    @GetMapping
    @Operation(summary = "The version's attachments: name, size, who added it and when")
    public List<Attachments.Attachment> list(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        return attachments.of(filings.read(me, id).id());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a document (at most 10 MB) to a draft or returned version; audited")
    public Attachments.Attachment add(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        Filing f = editable(me, id);
        String name = name(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw Refusal.field(ErrorCode.ATTACHMENT, "file", "the file is empty");
        }
        return attachments.add(me.actor(), f.id(), name, file.getBytes());
    }

    @GetMapping("/{attachment}")
    @Operation(summary = "Downloads an attachment (always as a download, never shown inline)")
    public ResponseEntity<byte[]> download(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @PathVariable long attachment) {
        Filing f = filings.read(me, id);
        Attachments.Attachment a = attachments.of(f.id()).stream()
                .filter(x -> x.id() == attachment)
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("attachment " + attachment));
        byte[] body = attachments.content(f.id(), attachment).orElseThrow(() -> Refusal.notFound("attachment"));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(a.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(body);
    }

    @DeleteMapping("/{attachment}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes an attachment from a draft or returned version; audited")
    public void remove(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @PathVariable long attachment) {
        Filing f = editable(me, id);
        if (!attachments.remove(me.actor(), f.id(), attachment)) {
            throw Refusal.notFound("attachment " + attachment);
        }
    }

    private Filing editable(PeaklineUser me, long id) {
        Filing f = filings.read(me, id);
        scopes.fileFor(me, f.enterprise().value());
        f.status().checkEditable("filing " + id);
        return f;
    }

    /** A file's own name, without folders or control characters, 1–200 characters. */
    static String name(String original) {
        String n = original == null ? "" : original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        if (n.isEmpty() || n.length() > 200 || n.codePoints().anyMatch(Character::isISOControl)) {
            throw Refusal.field(ErrorCode.ATTACHMENT, "file", "an attachment needs a file name of 1–200 characters");
        }
        return n;
    }
}
