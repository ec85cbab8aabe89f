package io.formcheck.trainer.report;

import io.formcheck.model.AtomicFiles;
import io.formcheck.trainer.train.EpochStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts of training runs, written atomically. */
public final class Charts {
    private Charts() {}

    /** Loss and accuracy per epoch, training against validation, with the best epoch marked. */
    public static void trainingCurves(String title, List<EpochStats> history, int bestEpoch, Path png)
            throws IOException {
        XYSeries trainLoss = new XYSeries("train loss");
        XYSeries valLoss = new XYSeries("validation loss");
        XYSeries trainAcc = new XYSeries("train accuracy");
        XYSeries valAcc = new XYSeries("validation accuracy");
        for (EpochStats s : history) {
            trainLoss.add(s.epoch(), s.trainLoss());
            valLoss.add(s.epoch(), s.validationLoss());
            trainAcc.add(s.epoch(), s.trainAccuracy());
            valAcc.add(s.epoch(), s.validationAccuracy());
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("epoch"));
        plot.add(linePlot("cross-entropy", new XYSeriesCollection(trainLoss), valLoss), 1);
        XYPlot accuracy = linePlot("accuracy", new XYSeriesCollection(trainAcc), valAcc);
        history.stream().filter(s -> s.epoch() == bestEpoch).findFirst().ifPresent(best -> {
            XYTextAnnotation mark =
                    new XYTextAnnotation("best validation: epoch " + bestEpoch, bestEpoch, best.validationAccuracy());
            // written away from the nearer edge: a label starting at a late epoch ran off the right of the chart
            boolean lateHalf = 2 * bestEpoch
                    > history.get(0).epoch() + history.get(history.size() - 1).epoch();
            mark.setTextAnchor(lateHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            accuracy.addAnnotation(mark);
        });
        plot.add(accuracy, 1);
        write(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), png, 900, 700);
    }

    /** Counts of true (rows) against predicted (columns) classes, shaded by row share. */
    public static void confusionMatrix(String title, int[][] matrix, List<String> labels, Path png) throws IOException {
        int k = labels.size();
        double[][] xyz = new double[3][k * k];
        XYPlot plot = new XYPlot();
        for (int t = 0; t < k; t++) {
            int rowSum = 0;
            for (int p = 0; p < k; p++) {
                rowSum += matrix[t][p];
            }
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xyz[0][i] = p;
                xyz[1][i] = t;
                xyz[2][i] = rowSum == 0 ? 0 : (double) matrix[t][p] / rowSum;
                XYTextAnnotation count = new XYTextAnnotation(String.valueOf(matrix[t][p]), p, t);
                count.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                count.setPaint(xyz[2][i] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(count);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share", xyz);
        String[] names = labels.toArray(String[]::new);
        SymbolAxis predicted = new SymbolAxis("predicted", names);
        SymbolAxis truth = new SymbolAxis("true", names);
        truth.setInverted(true);
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int step = 0; step <= 10; step++) {
            float shade = 1f - step / 10f * 0.8f;
            scale.add(step / 10.0, new Color(shade * 0.9f, shade * 0.95f, 1f));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        plot.setDataset(data);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(truth);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        write(chart, png, 640, 600);
    }

    /** One horizontal bar per entry, e.g. accuracy per subject or per experiment. */
    public static void bars(String title, String valueLabel, Map<String, Double> values, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((name, v) -> data.addValue(v, valueLabel, name));
        JFreeChart chart = ChartFactory.createBarChart(
                title, null, valueLabel, data, PlotOrientation.HORIZONTAL, false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        write(chart, png, 800, 120 + 40 * values.size());
    }

    /** Validation accuracy per epoch of several runs on one chart. */
    public static void curves(String title, Map<String, List<EpochStats>> runs, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        runs.forEach((name, history) -> {
            XYSeries s = new XYSeries(name);
            history.forEach(e -> s.add(e.epoch(), e.validationAccuracy()));
            data.addSeries(s);
        });
        XYPlot plot = new XYPlot(
                data,
                new NumberAxis("epoch"),
                new NumberAxis("validation accuracy"),
                new XYLineAndShapeRenderer(true, false));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        write(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), png, 1000, 700);
    }

    /** Grouped horizontal bars: for each entry, one bar per series (e.g. random split and left-out subject). */
    public static void groupedBars(String title, String valueLabel, Map<String, Map<String, Double>> groups, Path png)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        groups.forEach((name, bars) -> bars.forEach((series, v) -> data.addValue(v, series, name)));
        JFreeChart chart = ChartFactory.createBarChart(
                title, null, valueLabel, data, PlotOrientation.HORIZONTAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        write(chart, png, 900, 160 + 60 * groups.size());
    }

    static XYPlot linePlot(String yLabel, XYSeriesCollection data, XYSeries second) {
        data.addSeries(second);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colors = {new Color(0x1f77b4), new Color(0xff7f0e)};
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesPaint(s, colors[s % colors.length]);
        }
        XYPlot plot = new XYPlot(data, null, new NumberAxis(yLabel), renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    static void write(JFreeChart chart, Path png, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }
}
