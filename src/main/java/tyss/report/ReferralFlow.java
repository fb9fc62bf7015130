package tyss.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Dimension2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tyss.disclose.Cell;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.measure.MeasureResult;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The quarter's referral flow (issue 19; the system map of seed 002): how young people reached the
 * TYSS (S01 referrals by source), what had been decided on them by the quarter's end (S01 referrals
 * by decision), and where young people went on (S03 onward referrals by service and outcome). Every
 * count is a cell of the edition's model, so a withheld one shows as its symbol. One layout, in
 * points of an A4 column, drawn as SVG for the HTML edition and with Java2D for the PDF.
 */
final class ReferralFlow {

    /** Where a box stands in the flow. */
    enum Stage {
        ENTRY,
        RECEIVED,
        DECISION,
        ONWARD,
        SERVICE,
        OUTCOME
    }

    /** One box: what it counts and its cell (a number or the model's symbol). */
    record Node(Stage stage, String label, Cell cell) {
        String count() {
            return cell.text();
        }

        /** The count as a sentence reads it: a symbol is named. */
        String spoken() {
            return cell instanceof Cell.Symbol s ? s.reason().symbol + " (" + reason(s.reason()) + ")" : cell.text();
        }
    }

    /** An arrow; {@code sameYoungPeople} false where the next box counts others too (onward referrals are of every open case). */
    record Edge(Node from, Node to, boolean sameYoungPeople) {}

    /** The entry points in the order of the system map, as {@code codes.yml referral-source} codes them. */
    private static final Map<String, String> ENTRY = linked(
            "police", "Police",
            "school", "Schools",
            "health", "Health",
            "la_services", "Council front door (social care, early help)",
            "yot", "Youth justice service",
            "vcs", "Voluntary and community sector",
            "self_family", "Self or family",
            "other", "Other");

    private static final Map<String, String> DECISION = linked(
            "accepted", "Accepted",
            "declined", "Declined",
            "signposted", "Signposted elsewhere",
            "not yet decided", "Not yet decided");
    private static final Map<String, String> OUTCOME = linked(
            "accepted", "Accepted",
            "declined", "Declined",
            "waiting", "Waiting",
            "not recorded", "Outcome not recorded");

    final Quarter quarter;
    final List<Node> entries;
    final Node received;
    final List<Node> decisions;
    final Node onward;
    final List<Node> services;
    final List<Node> outcomes;
    final List<Edge> edges = new ArrayList<>();

    private ReferralFlow(
            Quarter quarter,
            List<Node> entries,
            Node received,
            List<Node> decisions,
            Node onward,
            List<Node> services,
            List<Node> outcomes) {
        this.quarter = quarter;
        this.entries = entries;
        this.received = received;
        this.decisions = decisions;
        this.onward = onward;
        this.services = services;
        this.outcomes = outcomes;
        entries.forEach(e -> edges.add(new Edge(e, received, true)));
        decisions.forEach(d -> edges.add(new Edge(received, d, true)));
        if (onward != null) {
            decisions.stream()
                    .filter(d -> d.label().equals(DECISION.get("accepted")))
                    .findFirst()
                    .ifPresent(accepted -> edges.add(new Edge(accepted, onward, false)));
            services.forEach(s -> edges.add(new Edge(onward, s, true)));
        }
    }

    /** The flow of the model's quarter; empty when S01 has no referrals figure for it. */
    static Optional<ReferralFlow> of(ReportModel model) {
        Period now = Period.of(model.quarter());
        Optional<Figure> received = model.find("S01", "referrals", MeasureResult.ALL, MeasureResult.ALL, now);
        if (received.isEmpty()) {
            return Optional.empty();
        }
        Node onward = model.find("S03", "onward_referrals", MeasureResult.ALL, MeasureResult.ALL, now)
                .map(f -> new Node(Stage.ONWARD, "All onward referrals", f.value()))
                .orElse(null);
        return Optional.of(new ReferralFlow(
                model.quarter(),
                inOrder(cells(model, "S01", "referrals", "source", now), ENTRY, Stage.ENTRY),
                new Node(Stage.RECEIVED, "Referrals received", received.get().value()),
                inOrder(cells(model, "S01", "referrals", "decision", now), DECISION, Stage.DECISION),
                onward,
                byCount(cells(model, "S03", "onward_referrals", "service", now)),
                inOrder(cells(model, "S03", "onward_referrals", "outcome", now), OUTCOME, Stage.OUTCOME)));
    }

    private static List<Figure> cells(
            ReportModel model, String measure, String figure, String breakdown, Period period) {
        return model.figures().stream()
                .filter(f -> f.measureId().equals(measure)
                        && f.figure().equals(figure)
                        && f.breakdown().equals(breakdown)
                        && f.period().label().equals(period.label()))
                .toList();
    }

    /** In the order of the codes, then any other cell (a code a later list adds, or "not recorded") as the data has it. */
    private static List<Node> inOrder(List<Figure> cells, Map<String, String> labels, Stage stage) {
        List<String> order = new ArrayList<>(labels.keySet());
        return cells.stream()
                .sorted(Comparator.comparing((Figure f) ->
                                order.contains(f.breakdownValue()) ? order.indexOf(f.breakdownValue()) : order.size())
                        .thenComparing(Figure::breakdownValue))
                .map(f -> new Node(
                        stage,
                        labels.getOrDefault(
                                f.breakdownValue(),
                                capitalised(f.breakdownValue().replace('_', ' '))),
                        f.value()))
                .toList();
    }

    /**
     * Services by their published count, largest first, and those withheld after them by name: ordered
     * by the true count, a withheld one's place between two shown would tell a reader its range.
     */
    private static List<Node> byCount(List<Figure> cells) {
        return cells.stream()
                .sorted(Comparator.comparing((Figure f) -> f.number() == null ? BigDecimal.ONE.negate() : f.number())
                        .reversed()
                        .thenComparing(Figure::breakdownValue))
                .map(f -> new Node(Stage.SERVICE, f.breakdownValue(), f.value()))
                .toList();
    }

    String title() {
        return "How young people reached the TYSS in " + quarter + ", what was decided and where they went on";
    }

    /** The text alternative: every box with its count, in the order the flow reads. */
    String description() {
        StringBuilder text = new StringBuilder("Flow chart of referrals to the TYSS, " + quarter + ". Referred by: ");
        text.append(list(entries))
                .append(". ")
                .append(received.label())
                .append(": ")
                .append(received.spoken())
                .append(". ");
        if (!decisions.isEmpty()) {
            text.append("Decision by ")
                    .append(Headline.day(quarter.end()))
                    .append(": ")
                    .append(list(decisions))
                    .append(". ");
        }
        if (onward != null) {
            text.append("Onward referrals made in the quarter, for any young person the TYSS works with: ")
                    .append(onward.spoken());
            text.append(services.isEmpty() ? "" : ", to " + list(services)).append(". ");
            text.append(outcomes.isEmpty() ? "" : "Their outcome so far: " + list(outcomes) + ". ");
        }
        return text.toString().strip();
    }

    /** The notes under the picture: what the dashed arrow means and the symbols it shows. */
    String note() {
        boolean withheld = all().stream().anyMatch(n -> n.cell().isSuppressed());
        return "Referrals and decisions are this quarter's referrals, with the decision standing on "
                + Headline.day(quarter.end())
                + ". The dashed arrow: onward referrals are those made in the quarter for any young person the TYSS works with, "
                + "not only those referred this quarter."
                + (withheld
                        ? " c: withheld to protect confidentiality (a count of 1 to 5, "
                                + "or one from which it could be worked out)."
                        : "");
    }

    List<Node> all() {
        List<Node> all = new ArrayList<>(entries);
        all.add(received);
        all.addAll(decisions);
        if (onward != null) {
            all.add(onward);
        }
        all.addAll(services);
        all.addAll(outcomes);
        return all;
    }

    private static String list(List<Node> nodes) {
        return String.join(
                ", ", nodes.stream().map(n -> n.label() + " " + n.spoken()).toList());
    }

    private static String reason(Cell.Reason r) {
        return switch (r) {
            case SUPPRESSED -> "withheld";
            case NOT_RECEIVED -> "data not received";
            case NOT_APPLICABLE -> "not applicable";
            case NO_DATA -> "no data";
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // ---- the layout, in points: one A4 column (515 pt) wide, text at 9 pt and more ----

    static final double WIDTH = 515;
    static final double LABEL_PT = 9;
    static final double COUNT_PT = 10;
    static final double BIG_PT = 16;
    private static final double LINE = 11;
    private static final double GAP = 5;
    private static final double TOP = 34;
    /** The columns: x and width of entry points, referrals received, decisions and onward referrals. */
    private static final double[][] COLUMNS = {{0, 130}, {154, 82}, {260, 104}, {388, 127}};

    private static final double INDENT = 10;
    /** How much wider DejaVu Sans Bold sets than its regular face. */
    private static final double BOLD = 1.12;

    /** What both renderings draw. */
    sealed interface Mark extends Serializable permits Box, Arrow, Label {}

    /** A box with its label's lines and its count; dark for the referrals received. */
    record Box(double x, double y, double w, double h, List<String> lines, String count, boolean dark, boolean centred)
            implements Mark {
        /** The count's size: large in the referrals received, unless a symbol such as "not received" would not fit. */
        double countSize() {
            return centred && width(count, BIG_PT) * BOLD <= w - 8 ? BIG_PT : COUNT_PT;
        }
    }

    /** A curve from one point to another with an arrowhead; dashed where it joins different young people. */
    record Arrow(double x1, double y1, double x2, double y2, boolean dashed, boolean straight) implements Mark {}

    /** Text outside a box: a column's heading. */
    record Label(double x, double y, String text, double size, boolean bold) implements Mark {}

    /** The marks in drawing order, and the height they take. */
    record Layout(List<Mark> marks, double height) implements Serializable {}

    Layout layout() {
        List<Mark> marks = new ArrayList<>();
        String[] heads = {
            "Referred by",
            "Referrals received",
            "Decision by " + Headline.day(quarter.end()),
            "Onward referrals made in the quarter"
        };
        for (int c = 0; c < heads.length; c++) {
            if (c == 3 && onward == null) {
                continue;
            }
            List<String> lines = wrap(heads[c], COLUMNS[c][1] / BOLD, LABEL_PT);
            for (int i = 0; i < lines.size(); i++) {
                marks.add(new Label(COLUMNS[c][0], 10 + i * LINE, lines.get(i), LABEL_PT, true));
            }
        }
        List<Box> entryBoxes = stack(entries, COLUMNS[0][0], COLUMNS[0][1], TOP);
        List<Box> decisionBoxes = stack(decisions, COLUMNS[2][0], COLUMNS[2][1], TOP);
        double span = Math.max(bottom(entryBoxes), bottom(decisionBoxes)) - TOP;
        span = Math.max(span, 60);
        // the decisions centred on the entry points' span, as the middle of a funnel
        decisionBoxes = shift(decisionBoxes, (TOP + span - bottom(decisionBoxes)) / 2);
        entryBoxes = shift(entryBoxes, (TOP + span - bottom(entryBoxes)) / 2);
        Box receivedBox = new Box(
                COLUMNS[1][0],
                TOP,
                COLUMNS[1][1],
                span,
                wrap(received.label(), COLUMNS[1][1] - 8, LABEL_PT),
                received.count(),
                true,
                true);
        marks.add(receivedBox);
        marks.addAll(entryBoxes);
        marks.addAll(decisionBoxes);
        for (int i = 0; i < entryBoxes.size(); i++) {
            Box b = entryBoxes.get(i);
            marks.add(new Arrow(
                    b.x() + b.w(),
                    b.y() + b.h() / 2,
                    receivedBox.x(),
                    spread(receivedBox, i, entryBoxes.size()),
                    false,
                    false));
        }
        for (int i = 0; i < decisionBoxes.size(); i++) {
            Box b = decisionBoxes.get(i);
            marks.add(new Arrow(
                    receivedBox.x() + receivedBox.w(),
                    spread(receivedBox, i, decisionBoxes.size()),
                    b.x(),
                    b.y() + b.h() / 2,
                    false,
                    false));
        }
        double height = TOP + span;
        if (onward != null) {
            double x = COLUMNS[3][0];
            double w = COLUMNS[3][1];
            Box onwardBox = box(onward, x, TOP, w);
            marks.add(onwardBox);
            for (int i = 0; i < decisions.size(); i++) {
                if (decisions.get(i).stage() == Stage.DECISION
                        && decisions.get(i).label().equals(DECISION.get("accepted"))) {
                    Box a = decisionBoxes.get(i);
                    marks.add(new Arrow(
                            a.x() + a.w(), a.y() + a.h() / 2, x, onwardBox.y() + onwardBox.h() / 2, true, false));
                }
            }
            double y = bottom(List.of(onwardBox)) + GAP;
            List<Box> serviceBoxes = stack(services, x + INDENT, w - INDENT, y);
            spine(marks, x + 3, onwardBox.y() + onwardBox.h(), serviceBoxes);
            marks.addAll(serviceBoxes);
            y = serviceBoxes.isEmpty() ? y : bottom(serviceBoxes) + GAP;
            if (!outcomes.isEmpty()) {
                List<String> head = wrap("Their outcome so far", w / BOLD, LABEL_PT);
                for (int i = 0; i < head.size(); i++) {
                    marks.add(new Label(x, y + 8 + i * LINE, head.get(i), LABEL_PT, true));
                }
                double top = y + 2 + head.size() * LINE;
                List<Box> outcomeBoxes = stack(outcomes, x + INDENT, w - INDENT, top + 2);
                spine(marks, x + 3, top, outcomeBoxes);
                marks.addAll(outcomeBoxes);
                y = bottom(outcomeBoxes);
            }
            height = Math.max(height, y);
        }
        return new Layout(marks, Math.ceil(height + 2));
    }

    /** A line down the left of an indented list, an arrow into each box. */
    private static void spine(List<Mark> marks, double x, double from, List<Box> boxes) {
        for (Box b : boxes) {
            marks.add(new Arrow(x, from, b.x(), b.y() + b.h() / 2, false, true));
        }
    }

    /** Where the i-th of n arrows meets a tall box's side: spread evenly, so they do not cross. */
    private static double spread(Box b, int i, int n) {
        double margin = Math.min(12, b.h() / 4);
        return n == 1 ? b.y() + b.h() / 2 : b.y() + margin + i * (b.h() - 2 * margin) / (n - 1);
    }

    private static List<Box> stack(List<Node> nodes, double x, double w, double top) {
        List<Box> boxes = new ArrayList<>();
        double y = top;
        for (Node n : nodes) {
            Box b = box(n, x, y, w);
            boxes.add(b);
            y += b.h() + GAP;
        }
        return boxes;
    }

    private static Box box(Node n, double x, double y, double w) {
        double countWidth = width(n.count(), COUNT_PT) * BOLD + 6;
        List<String> lines = wrap(n.label(), w - 8 - countWidth, LABEL_PT);
        return new Box(x, y, w, Math.max(20, 7 + lines.size() * LINE), lines, n.count(), false, false);
    }

    private static List<Box> shift(List<Box> boxes, double dy) {
        return boxes.stream()
                .map(b -> new Box(b.x(), b.y() + dy, b.w(), b.h(), b.lines(), b.count(), b.dark(), b.centred()))
                .toList();
    }

    private static double bottom(List<Box> boxes) {
        return boxes.isEmpty()
                ? TOP
                : boxes.get(boxes.size() - 1).y() + boxes.get(boxes.size() - 1).h();
    }

    /** Words to lines no wider than {@code width}, by DejaVu Sans's widths (the widest of the fonts either edition uses). */
    static List<String> wrap(String text, double width, double size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(tried, size) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(tried);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A text's width at a size: DejaVu Sans's advance is near 0.6 em for letters, less for narrow ones. */
    static double width(String text, double size) {
        double em = 0;
        for (char c : text.toCharArray()) {
            em += "iljtfI.,;:'()[] ".indexOf(c) >= 0
                    ? 0.33
                    : Character.isUpperCase(c) || "mw%".indexOf(c) >= 0 ? 0.75 : 0.6;
        }
        return em * size;
    }

    // ---- the renderings ----

    private static final String INK = "#1F2933";
    private static final String DARK = "#0B3C5D";
    private static final String FILL = "#EEF2F6";
    private static final String LINK = "#52606D";

    /** Inline SVG for the HTML edition: an image named by its title and described by {@link #description()}. */
    String svg(String id) {
        Layout layout = layout();
        StringBuilder h = new StringBuilder();
        h.append(String.format(
                Locale.ROOT,
                "<svg id=\"%s\" class=\"flow\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"%s-title %s-desc\">%n",
                id,
                WIDTH,
                layout.height(),
                id,
                id));
        h.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(HtmlReport.esc("Flow chart: " + title()))
                .append("</title>\n<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(HtmlReport.esc(description()))
                .append("</desc>\n");
        for (Mark m : layout.marks()) {
            if (m instanceof Arrow a) {
                // the head drawn as a path of its own, as in the PDF (a marker would need a url() reference)
                double end = a.x2() - 4;
                h.append(String.format(
                        Locale.ROOT,
                        "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\"%s/>%n",
                        a.straight()
                                ? String.format(Locale.ROOT, "M%.1f,%.1f V%.1f H%.1f", a.x1(), a.y1(), a.y2(), end)
                                : String.format(
                                        Locale.ROOT,
                                        "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
                                        a.x1(),
                                        a.y1(),
                                        (a.x1() + a.x2()) / 2,
                                        a.y1(),
                                        (a.x1() + a.x2()) / 2,
                                        a.y2(),
                                        end,
                                        a.y2()),
                        LINK,
                        a.dashed() ? " stroke-dasharray=\"4 3\"" : ""));
                h.append(String.format(
                        Locale.ROOT,
                        "<path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f z\" fill=\"%s\"/>%n",
                        a.x2(),
                        a.y2(),
                        a.x2() - 5,
                        a.y2() - 2.6,
                        a.x2() - 5,
                        a.y2() + 2.6,
                        LINK));
            } else if (m instanceof Box b) {
                h.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"%s\" stroke=\"%s\"/>%n",
                        b.x(),
                        b.y(),
                        b.w(),
                        b.h(),
                        b.dark() ? DARK : FILL,
                        DARK));
                String colour = b.dark() ? "#FFFFFF" : INK;
                if (b.centred()) {
                    double y = b.y() + b.h() / 2 - (b.lines().size() * LINE) / 2;
                    for (int i = 0; i < b.lines().size(); i++) {
                        h.append(svgText(
                                b.x() + b.w() / 2,
                                y + 8 + i * LINE,
                                b.lines().get(i),
                                LABEL_PT,
                                false,
                                "middle",
                                colour));
                    }
                    h.append(svgText(
                            b.x() + b.w() / 2,
                            y + b.lines().size() * LINE + 18,
                            b.count(),
                            b.countSize(),
                            true,
                            "middle",
                            colour));
                } else {
                    for (int i = 0; i < b.lines().size(); i++) {
                        h.append(svgText(
                                b.x() + 4, b.y() + 13 + i * LINE, b.lines().get(i), LABEL_PT, false, "start", colour));
                    }
                    h.append(svgText(b.x() + b.w() - 4, b.y() + 13.5, b.count(), COUNT_PT, true, "end", colour));
                }
            } else if (m instanceof Label l) {
                h.append(svgText(l.x(), l.y(), l.text(), l.size(), l.bold(), "start", DARK));
            }
        }
        return h.append("</svg>\n").toString();
    }

    /** Styled inline: the page's rule for its charts' text (13 px, 19 on a phone) is for axis labels, not for text inside boxes. */
    private static String svgText(
            double x, double y, String text, double size, boolean bold, String anchor, String colour) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" style=\"font-size:%.1fpx;fill:%s%s\">%s</text>%n",
                x,
                y,
                anchor,
                size,
                colour,
                bold ? ";font-weight:700" : "",
                HtmlReport.esc(text));
    }

    /** The parameters of {@code referral-flow.jrxml}. */
    Map<String, Object> pdfParameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("FlowTitle", title());
        p.put("FlowNote", note());
        p.put("FlowDrawing", drawing());
        p.put("FlowAlt", description());
        return p;
    }

    /** The same marks with Java2D, for the PDF: JasperReports draws it as vectors, in the report's own font. */
    Drawing drawing() {
        return new Drawing(layout());
    }

    static final class Drawing extends net.sf.jasperreports.renderers.AbstractRenderToImageAwareRenderer
            implements net.sf.jasperreports.renderers.Graphics2DRenderable,
                    net.sf.jasperreports.renderers.DimensionRenderable {

        private static final long serialVersionUID = 1L;
        private static final String FONT = "DejaVu Sans";
        private final Layout layout;

        Drawing(Layout layout) {
            this.layout = layout;
        }

        double height() {
            return layout.height();
        }

        @Override
        public Dimension2D getDimension(net.sf.jasperreports.engine.JasperReportsContext context) {
            return new Dimension((int) WIDTH, (int) layout.height());
        }

        @Override
        public void render(net.sf.jasperreports.engine.JasperReportsContext context, Graphics2D g, Rectangle2D area) {
            Graphics2D d = (Graphics2D) g.create();
            try {
                d.translate(area.getX(), area.getY());
                double scale = Math.min(area.getWidth() / WIDTH, area.getHeight() / layout.height());
                d.scale(scale, scale);
                d.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                d.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                net.sf.jasperreports.engine.fonts.FontUtil fonts =
                        net.sf.jasperreports.engine.fonts.FontUtil.getInstance(context);
                for (Mark m : layout.marks()) {
                    if (m instanceof Arrow a) {
                        arrow(d, a);
                    } else if (m instanceof Box b) {
                        box(d, fonts, b);
                    } else if (m instanceof Label l) {
                        text(d, fonts, l.text(), l.x(), l.y(), l.size(), l.bold(), 0, colour(DARK));
                    }
                }
            } finally {
                d.dispose();
            }
        }

        private static void arrow(Graphics2D d, Arrow a) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(a.x1(), a.y1());
            double end = a.x2() - 4;
            if (a.straight()) {
                path.lineTo(a.x1(), a.y2());
                path.lineTo(end, a.y2());
            } else {
                double mid = (a.x1() + a.x2()) / 2;
                path.curveTo(mid, a.y1(), mid, a.y2(), end, a.y2());
            }
            d.setColor(colour(LINK));
            d.setStroke(
                    a.dashed()
                            ? new BasicStroke(
                                    1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)
                            : new BasicStroke(1.2f));
            d.draw(path);
            Path2D.Double head = new Path2D.Double();
            head.moveTo(a.x2(), a.y2());
            head.lineTo(a.x2() - 5, a.y2() - 2.6);
            head.lineTo(a.x2() - 5, a.y2() + 2.6);
            head.closePath();
            d.fill(head);
        }

        private static void box(Graphics2D d, net.sf.jasperreports.engine.fonts.FontUtil fonts, Box b) {
            RoundRectangle2D.Double r =
                    new RoundRectangle2D.Double(b.x() + 0.5, b.y() + 0.5, b.w() - 1, b.h() - 1, 6, 6);
            d.setColor(colour(b.dark() ? DARK : FILL));
            d.fill(r);
            d.setColor(colour(DARK));
            d.setStroke(new BasicStroke(1f));
            d.draw(r);
            Color ink = b.dark() ? Color.WHITE : colour(INK);
            if (b.centred()) {
                double y = b.y() + b.h() / 2 - (b.lines().size() * LINE) / 2;
                for (int i = 0; i < b.lines().size(); i++) {
                    text(d, fonts, b.lines().get(i), b.x() + b.w() / 2, y + 8 + i * LINE, LABEL_PT, false, 0.5, ink);
                }
                text(
                        d,
                        fonts,
                        b.count(),
                        b.x() + b.w() / 2,
                        y + b.lines().size() * LINE + 18,
                        b.countSize(),
                        true,
                        0.5,
                        ink);
            } else {
                for (int i = 0; i < b.lines().size(); i++) {
                    text(d, fonts, b.lines().get(i), b.x() + 4, b.y() + 13 + i * LINE, LABEL_PT, false, 0, ink);
                }
                text(d, fonts, b.count(), b.x() + b.w() - 4, b.y() + 13.5, COUNT_PT, true, 1, ink);
            }
        }

        /** Text at a baseline; {@code align} 0 starts at x, 0.5 centres on it, 1 ends at it. */
        private static void text(
                Graphics2D d,
                net.sf.jasperreports.engine.fonts.FontUtil fonts,
                String text,
                double x,
                double y,
                double size,
                boolean bold,
                double align,
                Color colour) {
            int style = bold ? Font.BOLD : Font.PLAIN;
            Font font = fonts.getAwtFontFromBundles(FONT, style, (float) size, Locale.UK, true);
            if (font == null) {
                throw new IllegalStateException("the report font " + FONT + " is not installed with the report fonts");
            }
            d.setFont(font);
            d.setColor(colour);
            double w = d.getFontMetrics().getStringBounds(text, d).getWidth();
            d.drawString(text, (float) (x - align * w), (float) y);
        }

        private static Color colour(String hex) {
            return Color.decode(hex);
        }
    }
}
