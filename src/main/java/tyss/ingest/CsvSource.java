package tyss.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;

/**
 * A delimited text file: comma, semicolon or tab; UTF-8 with or without a BOM, or Windows-1252
 * when the bytes are not valid UTF-8 (detected, never silently mangled); quoted fields may hold
 * delimiters and newlines. Row numbers are records, as Excel numbers its rows: a quoted newline
 * makes two editor lines but one row.
 */
final class CsvSource implements TabularSource {

    private static final Charset WINDOWS_1252 = LineDecodingReader.WINDOWS_1252;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final Charset charset;
    private final boolean bom;
    private final char separator;
    private CSVReader reader;

    CsvSource(Path file) throws IOException {
        this.file = file;
        refuseWhatIsNotText(file);
        this.bom = startsWithBom(file);
        if (bom && Files.size(file) == UTF8_BOM.length) {
            throw new InputFileException("the file is empty (nothing but a byte-order mark)");
        }
        this.charset = bom || isValidUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        this.separator = guessSeparator();
    }

    Charset charset() {
        return charset;
    }

    @Override
    public boolean decimalComma() {
        return separator == ';';
    }

    char separator() {
        return separator;
    }

    @Override
    public List<String> sheets() {
        return List.of(file.getFileName().toString());
    }

    @Override
    public Iterator<SourceRow> rows(String sheet) throws IOException {
        close();
        reader = new CSVReaderBuilder(openReader())
                .withCSVParser(
                        new RFC4180ParserBuilder().withSeparator(separator).build())
                .withKeepCarriageReturn(false)
                .build();
        return new Iterator<>() {
            private SourceRow next;
            private int records;

            /** Reads lazily: a record that breaks the file surfaces in hasNext, after every good row before it was handed on. */
            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceRow current = next;
                next = null;
                return current;
            }

            private SourceRow advance() {
                try {
                    String[] cells = reader.readNext();
                    return cells == null ? null : new SourceRow(++records, Arrays.asList(cells));
                } catch (CsvMalformedLineException e) {
                    throw new InputFileException(
                            "a quoted field opened on line " + e.getLineNumber()
                                    + " is never closed, so the rest of the file cannot be read; check for an unbalanced double quote");
                } catch (CsvValidationException | IOException e) {
                    throw new InputFileException(
                            "the file cannot be read past line " + reader.getLinesRead() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    private Reader openReader() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (bom) {
            in.skipNBytes(UTF8_BOM.length);
        }
        if (!charset.equals(StandardCharsets.UTF_8)) {
            // not UTF-8 throughout: each line UTF-8 where it is, Windows-1252 where it is not
            return new BufferedReader(new LineDecodingReader(in), 1 << 16);
        }
        return new BufferedReader(
                new InputStreamReader(
                        in,
                        charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    private char guessSeparator() throws IOException {
        int[] counts = new int[3];
        char[] candidates = {',', ';', '\t'};
        try (BufferedReader r = new BufferedReader(openReader())) {
            String line;
            int lines = 0;
            while ((line = r.readLine()) != null && lines < 20) {
                boolean quoted = false;
                for (char ch : line.toCharArray()) {
                    if (ch == '"') {
                        quoted = !quoted;
                    }
                    for (int i = 0; i < candidates.length; i++) {
                        if (!quoted && ch == candidates[i]) {
                            counts[i]++;
                        }
                    }
                }
                lines++;
            }
        } catch (InputFileException unreadableLine) {
            // the lines before it decide; reading the rows will stop at it and say which it is
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return candidates[best];
    }

    /** A workbook or UTF-16 text saved under a .csv name would otherwise read as noise. */
    private static void refuseWhatIsNotText(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (looksLikeUtf16WithoutBom(head)) {
            throw new InputFileException(
                            "the file is UTF-16 text without a byte-order mark (every other byte is 0); save it as CSV UTF-8 "
                                    + "(Excel: 'CSV UTF-8 (Comma delimited)')")
                    .withRows(
                            rowsAfterFirst(file, head[1] == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new InputFileException(
                    "the file is an Excel workbook (or another zip file) with a text file's name; save it as .xlsx or as CSV");
        }
        if (head.length >= 4
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new InputFileException(
                    "the file is an old-style Excel workbook with a text file's name; save it as .xlsx or as CSV");
        }
        if (head.length >= 2
                && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                        || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new InputFileException(
                            "the file is UTF-16 text; save it as CSV UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)')")
                    .withRows(rowsAfterFirst(file, StandardCharsets.UTF_16));
        }
    }

    /** The non-blank lines after the first of a text refused for its encoding: its rows, all rejected with it. */
    private static int rowsAfterFirst(Path file, Charset charset) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            return (int) Math.max(0, r.lines().filter(line -> !line.isBlank()).count() - 1);
        }
    }

    /** ASCII-range text in UTF-16 has a zero byte in every pair, all on the same side. */
    private static boolean looksLikeUtf16WithoutBom(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        int even = 0;
        int odd = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        int pairs = head.length / 2;
        return Math.max(even, odd) >= pairs * 0.8 && Math.min(even, odd) <= pairs * 0.05;
    }

    private static boolean startsWithBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(3), UTF8_BOM);
        }
    }

    /** Decodes the whole file as UTF-8, reporting (not replacing) bad bytes. Streams: 64 KiB at a time. */
    private static boolean isValidUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buffer = new char[1 << 16];
        try (Reader r = new InputStreamReader(Files.newInputStream(file), decoder)) {
            while (r.read(buffer) >= 0) {
                // read to the end: only the decoding matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    static List<String> trimmed(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        cells.forEach(c -> out.add(c == null ? null : c.strip()));
        return out;
    }
}
