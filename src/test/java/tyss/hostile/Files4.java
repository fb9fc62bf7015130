package tyss.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

import tyss.ingest.Workbooks;

/** The bytes of the corpus's files: text in an encoding, and workbooks whole, broken or hostile. */
final class Files4 {

    private Files4() {}

    static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] text(String content, Charset charset) {
        return content.getBytes(charset);
    }

    /** Bytes one after another: parts of a file in different encodings. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] withBom(String content) {
        byte[] body = text(content);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /** A workbook; each row an array of cells (LocalDate → date cell, Number → numeric cell). Sheets named in order. */
    static byte[] xlsx(Object[][]... sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, sheets);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] xls(Object[][] rows) {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            fill(wb, new Object[][][] {rows});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fill(Workbook wb, Object[][][] sheets) {
        for (int i = 0; i < sheets.length; i++) {
            Workbooks.fill(wb, "Sheet" + (i + 1), sheets[i]);
        }
    }

    /** A workbook whose first sheet is hidden (the lookup lists an export keeps out of sight), then the data. */
    static byte[] withHiddenFirstSheet(Object[][] hidden, Object[][] data) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Workbooks.fill(wb, "Lists", hidden);
            Workbooks.fill(wb, "Data", data);
            wb.setSheetHidden(0, true);
            wb.setActiveSheet(1);
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sheet whose first column's cells from {@code firstRow} to {@code lastRow} (0-based) are merged, as a person tidies a report. */
    static byte[] withMergedCells(Object[][] rows, int column, int firstRow, int lastRow) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Workbooks.fill(wb, "Sheet1", rows);
            wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(firstRow, lastRow, column, column));
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A macro-enabled workbook (.xlsm), as a team's own tracker is often kept. */
    static byte[] xlsm(Object[][] rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            Workbooks.fill(wb, "Sheet1", rows);
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip file holding a CSV: an export compressed and renamed, not a workbook. */
    static byte[] zipOf(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    static byte[] encrypted(byte[] xlsx) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx));
                    OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] truncated(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    /** A real workbook whose first sheet is replaced by the given XML (streamed, so a huge sheet costs no memory here). */
    static byte[] replaceSheet(byte[] xlsx, SheetWriter sheet) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        sheet.write(out);
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    interface SheetWriter {
        void write(OutputStream out) throws IOException;
    }

    /** 50 MB of blanks in a sheet: compresses about a thousand to one, past the refused ratio. */
    static void bomb(OutputStream out) throws IOException {
        out.write(
                "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        .getBytes());
        byte[] blanks = new byte[1 << 20];
        Arrays.fill(blanks, (byte) ' ');
        for (int i = 0; i < 50; i++) {
            out.write(blanks);
        }
        out.write("</sheetData></worksheet>".getBytes());
    }

    /** A sheet that declares an external entity and uses it in a cell. */
    static void externalEntity(OutputStream out) throws IOException {
        out.write(("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>police_person_id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>incident_date</t></is></c>"
                        + "<c r=\"C1\" t=\"inlineStr\"><is><t>category</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>01/08/2026</t></is></c>"
                        + "<c r=\"C2\" t=\"inlineStr\"><is><t>nuisance</t></is></c></row></sheetData></worksheet>")
                .getBytes());
    }
}
