package tyss.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRPrintAnchor;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;

import tyss.measure.LogicModel;

/** The contents page: the report's parts, each with the page it starts on, found from the anchors of a filled report. */
final class Contents {

    /** The referral flow's anchor: a part only when the report has one (the quarter has S01's referrals). */
    static final String REFERRAL_FLOW = "Referral flow";

    private Contents() {}

    /** The parts in reading order, as the anchor names the templates give their headings. */
    static List<String> parts(LogicModel model) {
        List<String> parts = new ArrayList<>();
        parts.add("Key messages");
        parts.add("Dashboard: " + model.statements().get(0).number() + ". "
                + model.statements().get(0).title());
        parts.add(REFERRAL_FLOW);
        for (LogicModel.Statement s : model.statements()) {
            parts.add(s.number() + ". " + s.title());
        }
        parts.add("Annex A. Methodology and glossary");
        parts.add("Annex B. Data quality and provenance");
        parts.add("Annex C. Partner data quality");
        return parts;
    }

    /** One line per part, its page after a tab; without pages (the first fill) the lines are the same length of text. */
    static String text(LogicModel model, Map<String, Integer> pages) {
        StringBuilder text = new StringBuilder();
        for (String part : parts(model)) {
            if (part.equals(REFERRAL_FLOW) && !pages.isEmpty() && !pages.containsKey(part)) {
                continue;
            }
            String title = part.startsWith("Dashboard: ")
                    ? "Headline dashboard: the key measures of each impact statement"
                    : part.matches("\\d+\\..*")
                            ? part + ": outcomes and every measure"
                            : part.equals(REFERRAL_FLOW)
                                    ? "Referral flow: how young people reached the TYSS and where they went on"
                                    : part;
            Integer page = pages.get(part);
            text.append(text.isEmpty() ? "" : "\n").append(title).append('\t').append(page == null ? "" : page);
        }
        return text.toString();
    }

    /** Each anchor's page number (from 1) in a filled report. */
    static Map<String, Integer> pages(JasperPrint print) {
        Map<String, Integer> pages = new HashMap<>();
        List<JRPrintPage> all = print.getPages();
        for (int i = 0; i < all.size(); i++) {
            collect(all.get(i).getElements(), i + 1, pages);
        }
        return pages;
    }

    private static void collect(List<JRPrintElement> elements, int page, Map<String, Integer> pages) {
        for (JRPrintElement e : elements) {
            if (e instanceof JRPrintAnchor a && a.getAnchorName() != null) {
                pages.putIfAbsent(a.getAnchorName(), page);
            }
            if (e instanceof JRPrintFrame f) {
                collect(f.getElements(), page, pages);
            }
        }
    }
}
