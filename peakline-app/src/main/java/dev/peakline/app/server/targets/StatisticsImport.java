package dev.peakline.app.server.targets;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.io.table.Table;
import dev.peakline.io.targets.StatisticsReader;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.Database;
import dev.peakline.store.targets.StatisticsRepository;
import dev.peakline.targets.RegionStatistics;
import org.springframework.stereotype.Service;

/**
 * The import of region statistics (区域统计数据): the file is read and checked by {@link StatisticsReader} (io), each
 * region must be within the caller's governance, and all region-years are replaced in one transaction or nothing is.
 */
@Service
public class StatisticsImport {

    private final ReferenceLibrary library;
    private final AccountingOptions options;
    private final Scopes scopes;
    private final Database db;
    private final StatisticsRepository statisticsRepository;

    public StatisticsImport(
            ReferenceLibrary library,
            AccountingOptions options,
            Scopes scopes,
            Database db,
            StatisticsRepository statisticsRepository) {
        this.library = library;
        this.options = options;
        this.scopes = scopes;
        this.db = db;
        this.statisticsRepository = statisticsRepository;
    }

    /** Reads a statistics table against the registry, the factors and the price bases already kept. */
    public StatisticsReader.Parsed parse(Table t) {
        return StatisticsReader.read(t, scopes.registry(), library, options, statisticsRepository.priceBases());
    }

    /**
     * Imports an uploaded statistics file (.xlsx or UTF-8 CSV): every row checked, every region within the caller's
     * governance, then all region-years replaced in one transaction, or nothing stored. The number of region-years.
     */
    public int importFile(PeaklineUser me, String fileName, byte[] bytes) {
        String name = fileName == null ? "upload" : fileName;
        Table t;
        try {
            t = StatisticsReader.table(name, bytes);
        } catch (Refusal r) {
            throw r;
        } catch (RuntimeException e) {
            throw Refusal.field(ErrorCode.UPLOAD_UNREADABLE, "file", name + " cannot be read as .xlsx or UTF-8 CSV");
        }
        StatisticsReader.Parsed parsed = parse(t);
        if (!parsed.problems().isEmpty()) {
            throw Refusal.of(
                    ErrorCode.STATS_INVALID,
                    parsed.problems().size() + " problem(s) in " + name + "; nothing was stored",
                    parsed.problems());
        }
        for (RegionStatistics s : parsed.stats()) {
            scopes.govern(me, s.region());
        }
        return statisticsRepository.replace(me.actor(), parsed.stats());
    }
}
