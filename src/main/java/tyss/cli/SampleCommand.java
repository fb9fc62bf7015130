package tyss.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import tyss.run.ExitCodes;
import tyss.samples.SampleGenerator;

/** {@code generate-samples}: the synthetic county's exports, e.g. at a larger scale for benchmarks. */
final class SampleCommand {

    private SampleCommand() {}

    static int run(Arguments a, PrintStream out) {
        Path dir = Path.of(a.get("out").orElseThrow(() -> new UsageException("'generate-samples' needs --out FOLDER")));
        long seed = a.get("seed").map(Long::parseLong).orElse(SampleGenerator.DOCUMENTED_SEED);
        int scale = a.get("scale").map(Integer::parseInt).orElse(1);
        if (scale < 1 || scale > 1000) {
            throw new UsageException("--scale takes a whole number from 1 to 1000, not " + scale);
        }
        if (a.get("authorities").isPresent()) {
            int authorities = a.get("authorities").map(Integer::parseInt).orElseThrow();
            if (authorities < 1 || authorities > 50 || a.get("plant-effect").isPresent()) {
                throw new UsageException(
                        "--authorities takes a whole number from 1 to 50 (and no --plant-effect), not " + authorities);
            }
            tyss.samples.Region.generate(dir, seed, scale, authorities);
            out.println("Wrote a region of " + authorities + " synthetic authorities (seeds " + seed + " to "
                    + (seed + authorities - 1) + ", scale " + scale + ") to " + dir + ", listed in "
                    + dir.resolve(tyss.samples.Region.FILE));
            return ExitCodes.OK;
        }
        if (a.get("plant-effect").isPresent()) {
            double effect;
            try {
                effect = Double.parseDouble(a.get("plant-effect").get());
            } catch (NumberFormatException e) {
                throw new UsageException("--plant-effect takes a share from 0 to below 1, such as 0.4, not "
                        + a.get("plant-effect").get());
            }
            if (!(effect >= 0 && effect < 1)) {
                throw new UsageException("--plant-effect takes a share from 0 to below 1, such as 0.4, not " + effect);
            }
            SampleGenerator.generate(dir, seed, scale, effect);
            out.println("Wrote a synthetic county with a planted effect of " + effect + " (seed " + seed + ", scale "
                    + scale + ") to " + dir);
            return ExitCodes.OK;
        }
        SampleGenerator.generate(dir, seed, scale);
        out.println("Wrote the synthetic county's exports (seed " + seed + ", scale " + scale + ") to " + dir);
        return ExitCodes.OK;
    }
}
