package dev.peakline.app.cli;

import dev.peakline.reference.EmissionFactor;
import dev.peakline.reference.FactorKind;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peakline factors}: list and search the reference library. */
@Command(
        name = "factors",
        mixinStandardHelpOptions = true,
        description = "List and search the reference library's factors.")
final class FactorsCommand implements Callable<Integer> {
    @Parameters(
            arity = "0..1",
            description = "Text to search for in key, publication and notes (e.g. 烟煤, 520000, CF4).")
    String text = "";

    @Option(
            names = "--kind",
            description =
                    "Only this kind: combustion.ncv, combustion.carbon_content, combustion.oxidation, coal_equivalent, electricity, heat, process, gwp.")
    String kind;

    @Option(names = "--carriers", description = "List the energy carriers instead.")
    boolean carriers;

    @Mixin
    MethodOptions method;

    @Override
    public Integer call() {
        ReferenceLibrary lib = method.library(System.err);
        if (lib == null) {
            return 2;
        }
        if (carriers) {
            System.out.println("code\tname_cn\tname_en\tcategory\tactivity_unit");
            lib.carriers()
                    .values()
                    .forEach(c -> System.out.println(c.code() + "\t" + c.nameCn() + "\t" + c.nameEn() + "\t"
                            + c.category() + "\t" + c.activityUnit()));
            return 0;
        }
        FactorKind k = null;
        if (kind != null) {
            k = FactorKind.parse(kind).orElse(null);
            if (k == null) {
                System.err.println("unknown kind '" + kind + "'");
                return 2;
            }
        }
        System.out.println("sets: " + lib.setsUsed());
        System.out.println("key\tname\tvalue\tunit\tvalid\tconfidence\tpublication\tsource\tset");
        int n = 0;
        for (ResolvedFactor r : lib.search(text)) {
            EmissionFactor f = r.factor();
            if (k != null && f.key().kind() != k) {
                continue;
            }
            n++;
            System.out.println(String.join(
                    "\t",
                    List.of(
                            f.key().toString(),
                            lib.displayName(f.key().item()),
                            Double.toString(f.value()),
                            f.unit(),
                            f.validity(),
                            f.confidence() + (f.unconfirmed() ? " (flagged)" : ""),
                            f.publication(),
                            f.sourceId(),
                            r.setId() + " " + r.setVersion())));
        }
        System.out.println(String.format(Locale.ROOT, "%d factor(s)", n));
        return 0;
    }
}
