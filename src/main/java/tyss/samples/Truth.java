package tyss.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Who each generated row really is: {@code file,row,person} (the file as named under the
 * generated folder, the row number the pipeline stores as {@code source_row}, the synthetic
 * person's index), gzipped. Written outside the generated folder, so it never reaches a run and
 * the inputs stay byte-identical; only the linkage accuracy benchmark reads it.
 */
final class Truth implements AutoCloseable {

    /** No truth file: the committed samples and the tests. */
    static final Truth NONE = new Truth(null);

    private final Writer out;

    private Truth(Writer out) {
        this.out = out;
    }

    static Truth to(Path file) {
        if (file == null) {
            return NONE;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Writer w = new BufferedWriter(
                    new OutputStreamWriter(
                            new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8),
                    1 << 16);
            w.write("file,row,person\n");
            return new Truth(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void row(String file, int row, SyntheticPerson who) {
        if (out == null) {
            return;
        }
        try {
            out.write(file);
            out.write(',');
            out.write(Integer.toString(row));
            out.write(',');
            out.write(Integer.toString(who.index()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
