package tyss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the packaged jar in its own JVM, timing it and sampling its peak resident memory from /proc. */
final class ChildRun {

    /** What one run cost. */
    record Cost(int exitCode, double seconds, long peakRssKb, String output) {}

    private ChildRun() {}

    static Cost run(Path jar, List<String> jvmOptions, String key, Path log, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TYSS_PSEUDONYM_KEY", key);
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            peak = Math.max(peak, highWaterMark(status));
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Cost(process.waitFor(), seconds, peak, Files.readString(log));
    }

    /** VmHWM: the process's peak resident set size so far, in kB (0 once it has gone). */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two samples
        }
        return 0;
    }
}
