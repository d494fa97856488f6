package dev.peakline.app.server.security;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.domain.RegionCode;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.Region;
import dev.peakline.reference.Registry;
import dev.peakline.store.Database;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.store.users.UserRepository.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what. An administrator everything; a government user its region's subtree (read only); an
 * enterprise user its own enterprise (read, file, submit); a verifier its assigned enterprises (read, approve,
 * return). Everything else is refused: 404 for what does not exist, 403 for what exists outside the caller's scope.
 */
@Component
public class Scopes {
    private final Registry registry;
    private final Database db;
    private final EnterpriseRepository enterpriseRepository;
    private final Map<String, List<String>> subtrees = new ConcurrentHashMap<>();

    public Scopes(ReferenceLibrary library, Database db, EnterpriseRepository enterpriseRepository) {
        this.registry = library.registry();
        this.db = db;
        this.enterpriseRepository = enterpriseRepository;
    }

    public Registry registry() {
        return registry;
    }

    /** The region and every region below it. */
    public List<String> subtree(String root) {
        return subtrees.computeIfAbsent(root, r -> {
            List<String> out = new ArrayList<>();
            for (Region x : registry.regions().values()) {
                if (within(x.code().value(), r)) {
                    out.add(x.code().value());
                }
            }
            return List.copyOf(out);
        });
    }

    /** Whether a region lies in the subtree of root (itself included). */
    public boolean within(String region, String root) {
        if (region.equals(root)) {
            return true;
        }
        return RegionCode.isValid(region)
                && registry.lineage(RegionCode.of(region)).stream()
                        .anyMatch(x -> x.code().value().equals(root));
    }

    /** Credit codes of the enterprises in a region's subtree, in order. */
    public List<String> enterprisesIn(String region) {
        return enterpriseRepository.codesIn(subtree(region));
    }

    /** The enterprises of the region the caller sees: all for government and admin, its own, or those it verifies. */
    public List<String> visibleIn(PeaklineUser u, String region) {
        List<String> all = enterprisesIn(region);
        return switch (u.role()) {
            case ENTERPRISE ->
                all.stream().filter(c -> c.equals(u.user().enterprise())).toList();
            case VERIFIER -> all.stream().filter(u.verifies()::contains).toList();
            default -> all;
        };
    }

    public Region region(String code) {
        if (!RegionCode.isValid(code)) {
            throw Refusal.field(
                    ErrorCode.REGION_CODE, "region", "'" + code + "' is not a 6-digit GB/T 2260 region code");
        }
        return registry.region(code).orElseThrow(() -> Refusal.notFound("region " + code));
    }

    /** A region the caller may see (its subtree for a government user; everything for an administrator). */
    public Region readRegion(PeaklineUser u, String code) {
        Region r = region(code);
        boolean ok = u.role() == Role.ADMIN
                || u.role() == Role.GOVERNMENT && within(code, u.user().region());
        if (!ok) {
            throw Refusal.forbidden("region " + code + " is outside your scope");
        }
        return r;
    }

    public Enterprise enterprise(String code) {
        if (CreditCode.problemWith(code).isPresent()) {
            throw Refusal.field(
                    ErrorCode.ENTERPRISE_CODE,
                    "code",
                    CreditCode.problemWith(code).get());
        }
        return enterpriseRepository.find(CreditCode.of(code)).orElseThrow(() -> Refusal.notFound("enterprise " + code));
    }

    /** An enterprise the caller may read. */
    public Enterprise readEnterprise(PeaklineUser u, String code) {
        Enterprise e = enterprise(code);
        boolean ok = switch (u.role()) {
            case ADMIN -> true;
            case GOVERNMENT -> within(e.region().value(), u.user().region());
            case ENTERPRISE -> code.equals(u.user().enterprise());
            case VERIFIER -> u.verifies().contains(code);
        };
        if (!ok) {
            throw Refusal.forbidden("enterprise " + code + " is outside your scope");
        }
        return e;
    }

    /** An enterprise the caller may file for: its own (an enterprise user) or any (an administrator). */
    public Enterprise fileFor(PeaklineUser u, String code) {
        Enterprise e = readEnterprise(u, code);
        if (u.role() != Role.ENTERPRISE && u.role() != Role.ADMIN) {
            throw Refusal.forbidden("only the enterprise itself files its data");
        }
        return e;
    }

    /** An enterprise whose filings the caller may approve or return: an assigned verifier, or an administrator. */
    public Enterprise verify(PeaklineUser u, String code) {
        Enterprise e = readEnterprise(u, code);
        if (u.role() != Role.VERIFIER && u.role() != Role.ADMIN) {
            throw Refusal.forbidden("only an assigned verifier approves or returns filings");
        }
        return e;
    }

    /**
     * An enterprise whose registers (facilities, renovation plans) the caller may change: its own enterprise user, a
     * government user of its region, or an administrator.
     */
    public Enterprise register(PeaklineUser u, String code) {
        Enterprise e = readEnterprise(u, code);
        if (u.role() == Role.VERIFIER) {
            throw Refusal.forbidden("a verifier reads the registers but does not change them");
        }
        return e;
    }

    /** A region whose targets, statistics and project register the caller may change: a government user or an admin. */
    public Region govern(PeaklineUser u, String code) {
        Region r = readRegion(u, code);
        if (u.role() != Role.GOVERNMENT && u.role() != Role.ADMIN) {
            throw Refusal.forbidden("only government users and administrators change region registers");
        }
        return r;
    }

    public void admin(PeaklineUser u) {
        if (u.role() != Role.ADMIN) {
            throw Refusal.forbidden("only an administrator may do this");
        }
    }

    /** The region a caller's dashboard opens on. */
    public Optional<String> home(PeaklineUser u) {
        return switch (u.role()) {
            case ADMIN -> Optional.of(dev.peakline.store.setup.DemoLoader.PROVINCE);
            case GOVERNMENT -> Optional.of(u.user().region());
            default -> Optional.empty();
        };
    }
}
