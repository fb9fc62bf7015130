package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {

    @TempDir
    Path dir;

    @Test
    void reads_comma_semicolon_and_tab_files_alike() throws IOException {
        for (String sep : List.of(",", ";", "\t")) {
            // given
            Path file = write("a" + sep + "b\n1" + sep + "2\n", StandardCharsets.UTF_8);
            // when
            List<SourceRow> rows = rows(file);
            // then
            assertThat(rows).extracting(SourceRow::cells).containsExactly(List.of("a", "b"), List.of("1", "2"));
        }
    }

    @Test
    void drops_a_utf8_bom_so_the_first_header_still_binds() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(
                file,
                concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        "tyss_id,x\nT1,y\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(rows(file).get(0).cells().get(0)).isEqualTo("tyss_id");
    }

    @Test
    void detects_windows_1252_rather_than_mangling_it() throws IOException {
        // given: "Café" in Windows-1252 is not valid UTF-8
        Path file = write("place\nCafé\n", Charset.forName("windows-1252"));
        // when
        try (CsvSource source = new CsvSource(file)) {
            // then
            assertThat(source.charset().name()).isEqualTo("windows-1252");
        }
        assertThat(rows(file).get(1).cells()).containsExactly("Café");
    }

    @Test
    void numbers_a_record_as_the_row_excel_shows_it_on_even_after_an_embedded_newline() throws IOException {
        // given: the record on line 2 spans lines 2-3, so the next starts on line 4 but is Excel's row 3;
        // a blank line is a row in Excel too
        Path file = write("a,b\n\"one\nmore\",x\nlast,y\n\nafter,z\n", StandardCharsets.UTF_8);
        // when
        List<SourceRow> rows = rows(file);
        // then
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(rows.get(1).cells().get(0)).isEqualTo("one\nmore");
    }

    @Test
    void explains_an_unbalanced_quote_with_the_line_it_opened_on() throws IOException {
        Path file = write("a,b\n1,2\n\"broken,3\n4,5\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> rows(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("never closed")
                .hasMessageContaining("line");
    }

    private Path write(String text, Charset charset) throws IOException {
        Path file = Files.createTempFile(dir, "t", ".csv");
        Files.writeString(file, text, charset);
        return file;
    }

    private static List<SourceRow> rows(Path file) throws IOException {
        try (CsvSource source = new CsvSource(file)) {
            List<SourceRow> rows = new ArrayList<>();
            Iterator<SourceRow> it = source.rows(source.sheets().get(0));
            it.forEachRemaining(rows::add);
            return rows;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
