package dev.peakline.app.server.web;

import dev.peakline.io.table.Table;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import java.io.IOException;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded file as a table: a workbook's sheet by one of its names, or CSV text (UTF-8); an empty file refused. */
public final class Uploads {
    private Uploads() {}

    public static Table table(MultipartFile file, String defaultName, List<String> sheets) throws IOException {
        if (file.isEmpty()) {
            throw Refusal.field(ErrorCode.UPLOAD_EMPTY, "file", "the uploaded file is empty");
        }
        String name = file.getOriginalFilename() == null ? defaultName : file.getOriginalFilename();
        return Table.isExcel(java.nio.file.Path.of(name))
                ? Table.pick(Table.excel(name, file.getBytes()), sheets, true)
                        .orElseThrow(() -> Refusal.field(ErrorCode.UPLOAD_EMPTY, "file", "the workbook has no sheets"))
                : Table.csv(name, Table.utf8(name, file.getBytes()));
    }
}
