package tyss.samples;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import tyss.output.StableBytes;

/** Where a dataset's rows go: a CSV in one of the shapes partners send, or a workbook with a title block. */
interface SampleWriters {

    DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** One file being written, row by row. */
    interface Sink extends AutoCloseable {
        void row(List<?> cells);

        /** The row number a person would see for the next row. */
        int nextRowNumber();

        /** The number the pipeline stores as the next row's {@code source_row}: records, not lines, where a cell holds a line break. */
        default int nextRecordNumber() {
            return nextRowNumber();
        }

        @Override
        void close();
    }

    /** How a CSV is shaped: delimiter, encoding, byte-order mark and date style. */
    record CsvShape(char delimiter, Charset charset, boolean bom, boolean isoDates) {
        static final CsvShape PLAIN = new CsvShape(',', StandardCharsets.UTF_8, false, false);
    }

    static Sink csv(Path file, List<String> header, CsvShape shape) {
        try {
            Files.createDirectories(file.getParent());
            OutputStream out = Files.newOutputStream(file);
            if (shape.bom()) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, shape.charset()), 1 << 16);
            Sink sink = new Sink() {
                private int line = 1;
                private int records = 0;

                @Override
                public void row(List<?> cells) {
                    records++;
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < cells.size(); i++) {
                        if (i > 0) {
                            s.append(shape.delimiter());
                        }
                        s.append(quote(text(cells.get(i), shape.isoDates()), shape.delimiter()));
                    }
                    s.append("\r\n");
                    line += (int) s.chars().filter(c -> c == '\n').count();
                    try {
                        writer.write(s.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public int nextRowNumber() {
                    return line;
                }

                @Override
                public int nextRecordNumber() {
                    return records + 1;
                }

                @Override
                public void close() {
                    try {
                        writer.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            sink.row(header);
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook as case-management systems export it: title rows, then the header, dates as real date cells. */
    static Sink xlsx(Path file, String sheetName, List<String> titleRows, List<String> header, LocalDate stamp) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        SXSSFSheet sheet = wb.createSheet(sheetName);
        Sink sink = new Sink() {
            private int next = 0;

            @Override
            public void row(List<?> cells) {
                Row row = sheet.createRow(next++);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v == null || "".equals(v)) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (v instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(dateTime);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }

            @Override
            public int nextRowNumber() {
                return next + 1;
            }

            @Override
            public void close() {
                try (wb) {
                    var created = stamp.atStartOfDay().atOffset(ZoneOffset.UTC).toInstant();
                    wb.getXSSFWorkbook()
                            .getProperties()
                            .getCoreProperties()
                            .setCreated(Optional.of(Date.from(created)));
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    wb.write(bytes);
                    Files.createDirectories(file.getParent());
                    Files.write(file, StableBytes.zip(bytes.toByteArray(), stamp));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        titleRows.forEach(t -> sink.row(List.of(t)));
        if (!titleRows.isEmpty()) {
            sink.row(List.of());
        }
        sink.row(header);
        return sink;
    }

    private static String text(Object v, boolean iso) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDateTime t) {
            return iso ? t.toLocalDate() + " " + t.toLocalTime() : t.format(UK_DATE_TIME);
        }
        if (v instanceof LocalDate d) {
            return iso ? d.toString() : d.format(UK_DATE);
        }
        return v.toString();
    }

    private static String quote(String s, char delimiter) {
        if (s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
