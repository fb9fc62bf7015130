package tyss.protect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Looks for clear identifiers in everything a run leaves behind: database files and logs as raw
 * bytes, workbooks entry by entry, PDFs as extracted text, anything else as text.
 */
public final class LeakScan {

    /** Where a canary was found. */
    public record Leak(Path file, String canary) {}

    private LeakScan() {}

    public static List<Leak> scan(List<Path> roots, List<String> canaries) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        for (Path file : files(roots)) {
            String upper = readable(file).toUpperCase(Locale.ROOT);
            for (String canary : canaries) {
                if (upper.contains(canary.toUpperCase(Locale.ROOT))) {
                    leaks.add(new Leak(file, canary));
                }
            }
        }
        return leaks;
    }

    /**
     * For thousands of identifiers at once: each file is cut into tokens (letters, digits and
     * slashes) and every identifier is looked up among them, so the cost does not multiply.
     */
    public static List<Leak> scanTokens(List<Path> roots, Collection<String> identifiers) throws IOException {
        Set<String> wanted = new HashSet<>();
        identifiers.forEach(i -> wanted.add(i.toUpperCase(Locale.ROOT)));
        List<Leak> leaks = new ArrayList<>();
        Pattern token = Pattern.compile("[A-Za-z0-9/]+");
        for (Path file : files(roots)) {
            Matcher m = token.matcher(readable(file));
            Set<String> found = new TreeSet<>();
            while (m.find()) {
                String t = m.group().toUpperCase(Locale.ROOT);
                if (wanted.contains(t)) {
                    found.add(t);
                }
            }
            found.forEach(t -> leaks.add(new Leak(file, t)));
        }
        return leaks;
    }

    /**
     * Every text a PDF holds besides its page text: strings in its objects (alternative text,
     * bookmarks, metadata) and its decoded content and metadata streams. Font programs and images
     * are left out: their bytes are binary, and a short name turns up in random bytes by chance
     * (a false "MIRO" in a compressed stream was seen).
     */
    private static String pdfObjects(PDDocument pdf) throws IOException {
        StringBuilder text = new StringBuilder();
        for (COSObject object : pdf.getDocument().getXrefTable().keySet().stream()
                .map(k -> pdf.getDocument().getObjectFromPool(k))
                .toList()) {
            collect(object.getObject(), text, 0);
        }
        return text.toString();
    }

    private static void collect(COSBase base, StringBuilder text, int depth) throws IOException {
        if (base == null || depth > 8) {
            return;
        }
        if (base instanceof COSString string) {
            text.append(' ').append(string.getString());
        } else if (base instanceof COSArray array) {
            for (COSBase item : array) {
                collect(item, text, depth + 1);
            }
        } else if (base instanceof COSStream stream) {
            boolean binary = stream.containsKey(COSName.LENGTH1)
                    || stream.containsKey(COSName.LENGTH2)
                    || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
                    || COSName.getPDFName("OpenType").equals(stream.getCOSName(COSName.SUBTYPE))
                    || COSName.getPDFName("Type1C").equals(stream.getCOSName(COSName.SUBTYPE))
                    || COSName.getPDFName("CIDFontType0C").equals(stream.getCOSName(COSName.SUBTYPE));
            if (!binary) {
                try (InputStream in = stream.createInputStream()) {
                    text.append(' ').append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        } else if (base instanceof COSDictionary dictionary) {
            for (COSBase value : dictionary.getValues()) {
                if (!(value instanceof COSObject)) {
                    collect(value, text, depth + 1);
                }
            }
        }
    }

    private static List<Path> files(List<Path> roots) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(all::add);
                }
            }
        }
        return all;
    }

    private static String readable(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(pdf) + pdfObjects(pdf);
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
            return new String(bytes, StandardCharsets.ISO_8859_1)
                    + new String(bytes, StandardCharsets.UTF_16BE)
                    + new String(bytes, StandardCharsets.UTF_16LE);
        }
    }
}
