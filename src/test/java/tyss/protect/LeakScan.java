package tyss.protect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Looks for clear identifiers in everything a run leaves behind: database files and logs as raw
 * bytes, workbooks entry by entry, PDFs as extracted text, anything else as text.
 */
public final class LeakScan {

    /** Where a canary was found. */
    public record Leak(Path file, String canary) {
    }

    private LeakScan() {
    }

    public static List<Leak> scan(List<Path> roots, List<String> canaries) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = readable(file);
                    String upper = text.toUpperCase(Locale.ROOT);
                    for (String canary : canaries) {
                        if (upper.contains(canary.toUpperCase(Locale.ROOT))) {
                            leaks.add(new Leak(file, canary));
                        }
                    }
                }
            }
        }
        return leaks;
    }

    private static String readable(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(pdf) + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            }
        }
        if (name.endsWith(".xlsx") || name.endsWith(".zip")) {
            StringBuilder text = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            // Both decodings: a store may keep text as UTF-8 or as UTF-16.
            return new String(bytes, StandardCharsets.ISO_8859_1) + new String(bytes, StandardCharsets.UTF_16BE)
                    + new String(bytes, StandardCharsets.UTF_16LE);
        }
    }
}
