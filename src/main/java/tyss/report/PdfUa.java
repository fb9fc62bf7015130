package tyss.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;

/**
 * What PDF/UA-1 asks of the PDF that JasperReports' own tagging leaves undone: the lines, cell
 * fills and empty text objects it draws outside any tag are marked as artifacts (decoration a
 * screen reader skips), table header cells get their scope, the catalogue carries XMP metadata
 * with the title and the PDF/UA identifier, and embedded fonts lose the CIDSet that OpenPDF writes for the subset only (PDF/UA
 * requires a CIDSet to list every glyph, and allows none). Deterministic: no clock, no random.
 */
final class PdfUa {

    private static final Set<String> PAINT = Set.of("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n");
    private static final Set<String> PATH_START = Set.of("m", "re");

    private PdfUa() {}

    static byte[] finish(byte[] pdf, String title, String author, LocalDate date) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                artifacts(doc, page);
            }
            if (doc.getDocumentCatalog().getStructureTreeRoot() != null) {
                scopes(doc.getDocumentCatalog().getStructureTreeRoot().getKids());
            }
            for (COSObject o : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
                if (o.getObject() instanceof COSDictionary descriptor) {
                    descriptor.removeItem(COSName.CID_SET);
                }
            }
            PDMetadata metadata = new PDMetadata(doc);
            try (OutputStream out = metadata.createOutputStream()) {
                out.write(xmp(title, author, doc.getDocumentInformation().getProducer(), date)
                        .getBytes(StandardCharsets.UTF_8));
            }
            doc.getDocumentCatalog().setMetadata(metadata);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(pdf.length + 65536);
            doc.save(bytes, CompressParameters.NO_COMPRESSION);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each path, image or text object drawn outside marked content becomes an {@code /Artifact} marked-content sequence. */
    private static void artifacts(PDDocument doc, PDPage page) throws IOException {
        List<Object> tokens = new PDFStreamParser(page).parse();
        List<Object> out = new ArrayList<>(tokens.size() + 1024);
        List<Object> operands = new ArrayList<>();
        int depth = 0;
        boolean open = false;
        for (int i = 0; i < tokens.size(); i++) {
            Object t = tokens.get(i);
            if (!(t instanceof Operator op)) {
                operands.add(t);
                continue;
            }
            String name = op.getName();
            switch (name) {
                case "BDC", "BMC" -> depth++;
                case "EMC" -> depth--;
                default -> {}
            }
            boolean startsObject = depth == 0
                    && !open
                    && (PATH_START.contains(name)
                            || name.equals("Do")
                            || name.equals("sh")
                            || name.equals("BT") && !marksInside(tokens, i));
            if (startsObject) {
                artifact(out);
                open = true;
            }
            out.addAll(operands);
            operands.clear();
            out.add(op);
            if (open && (PAINT.contains(name) || name.equals("Do") || name.equals("sh") || name.equals("ET"))) {
                out.add(Operator.getOperator("EMC"));
                open = false;
            }
        }
        out.addAll(operands);
        PDStream stream = new PDStream(doc);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(os).writeTokens(out);
        }
        page.setContents(stream);
    }

    /** Each table's header cells get their scope, which JasperReports leaves out: the first row's head columns, each later row's its row. */
    private static void scopes(List<Object> kids) {
        for (Object kid : kids) {
            if (!(kid instanceof PDStructureElement e)) {
                continue;
            }
            if (e.getStructureType().equals("Table")) {
                boolean first = true;
                for (Object row : e.getKids()) {
                    if (row instanceof PDStructureElement tr
                            && tr.getStructureType().equals("TR")) {
                        for (Object cell : tr.getKids()) {
                            if (cell instanceof PDStructureElement th
                                    && th.getStructureType().equals("TH")) {
                                PDTableAttributeObject scope = new PDTableAttributeObject();
                                scope.setScope(
                                        first ? PDTableAttributeObject.SCOPE_COLUMN : PDTableAttributeObject.SCOPE_ROW);
                                th.addAttribute(scope);
                            }
                        }
                        first = false;
                    }
                }
            }
            scopes(e.getKids());
        }
    }

    /** Whether the text object starting at {@code bt} holds marked content of its own (then it is left as it is). */
    private static boolean marksInside(List<Object> tokens, int bt) {
        for (int i = bt + 1; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op) {
                switch (op.getName()) {
                    case "ET":
                        return false;
                    case "BDC", "BMC":
                        return true;
                    default:
                        break;
                }
            }
        }
        return false;
    }

    private static void artifact(List<Object> out) {
        out.add(COSName.getPDFName("Artifact"));
        out.add(Operator.getOperator("BMC"));
    }

    private static String xmp(String title, String author, String producer, LocalDate date) {
        String when = date + "T00:00:00Z";
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
                + "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + HtmlReport.esc(title)
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:creator><rdf:Seq><rdf:li>" + HtmlReport.esc(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>\n"
                + (producer == null ? "" : "<pdf:Producer>" + HtmlReport.esc(producer) + "</pdf:Producer>\n")
                + "<xmp:CreateDate>" + when + "</xmp:CreateDate>\n<xmp:ModifyDate>" + when + "</xmp:ModifyDate>\n"
                + "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }
}
