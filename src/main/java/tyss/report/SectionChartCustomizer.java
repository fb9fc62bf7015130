package tyss.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of the charts in the statement sections: the report's navy, 9 pt DejaVu labels, the unit on the value axis, a
 * light grid, whole numbers on the value axis, and the value printed at the end of each bar.
 */
public class SectionChartCustomizer implements JRChartCustomizer {

    static final Color NAVY = new Color(11, 60, 93);
    private static final Font LABELS = new Font("DejaVu Sans Condensed", Font.PLAIN, 9);

    @Override
    public void customize(JFreeChart chart, JRChart jrChart) {
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(217, 226, 236));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setInsets(new RectangleInsets(2, 2, 2, 8));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(LABELS);
        // every other quarter is labelled (StatementSection.Tick): a label may spread over its neighbour's room
        categories.setMaximumCategoryLabelLines(2);
        categories.setMaximumCategoryLabelWidthRatio(2.0f);
        categories.setCategoryMargin(0.15);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setTickLabelFont(LABELS);
        values.setLabelFont(LABELS);
        values.setAutoRangeIncludesZero(true);
        values.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        values.setUpperMargin(0.15);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setSeriesPaint(0, NAVY);
            bars.setMaximumBarWidth(0.12);
            bars.setDefaultItemLabelGenerator(
                    new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.#")));
            bars.setDefaultItemLabelFont(LABELS);
            bars.setDefaultItemLabelsVisible(true);
        } else {
            plot.getRenderer().setSeriesPaint(0, NAVY);
            plot.getRenderer().setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            plot.getRenderer().setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
    }
}
