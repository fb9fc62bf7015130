package tyss.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import org.slf4j.LoggerFactory;

/**
 * The JasperReports templates, from {@code report-templates/} in the working folder when there
 * (so a template edited in Jaspersoft Studio takes effect without a build), otherwise the copy
 * packaged in the jar. Each is compiled once per run.
 */
final class Templates {

    private static final Path FOLDER = Path.of("report-templates");
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private Templates() {}

    static JasperReport get(String name) {
        return COMPILED.computeIfAbsent(name, Templates::compile);
    }

    private static JasperReport compile(String name) {
        long start = System.nanoTime();
        try (InputStream in = open(name)) {
            JasperReport compiled = JasperCompileManager.compileReport(in);
            LoggerFactory.getLogger(Templates.class)
                    .debug("{} compiled in {} ms", name, (System.nanoTime() - start) / 1_000_000);
            return compiled;
        } catch (JRException | IOException e) {
            throw new IllegalStateException(
                    "the report template " + name + " cannot be compiled: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) throws IOException {
        Path local = FOLDER.resolve(name);
        if (Files.isRegularFile(local)) {
            return Files.newInputStream(local);
        }
        InputStream packaged = Templates.class.getClassLoader().getResourceAsStream("report-templates/" + name);
        if (packaged == null) {
            throw new IOException("the report template " + name + " is missing");
        }
        return packaged;
    }
}
