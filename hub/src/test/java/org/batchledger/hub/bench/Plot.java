package org.batchledger.hub.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Log-log line charts drawn with Java2D (headless): two panels side by side, a legend each. Java2D rather than a
 * charting library because two panels of a few lines need about a hundred lines of code, and a dependency (with
 * its own release cadence and licence review) would serve this one picture only.
 */
final class Plot {
    record Series(String name, List<double[]> points) {
    }

    record Panel(String title, String xLabel, String yLabel, List<Series> series) {
    }

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};
    private static final int W = 700;
    private static final int H = 520;
    private static final int LEFT = 70;
    private static final int TOP = 40;
    private static final int PW = 600;
    private static final int PH = 330;

    private Plot() {
    }

    static void write(Path file, String caption, List<Panel> panels) throws IOException {
        BufferedImage image = new BufferedImage(W * panels.size(), H + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(caption, 10, H + 20);
        for (int i = 0; i < panels.size(); i++) {
            g.translate(W * i, 0);
            panel(g, panels.get(i));
            g.translate(-W * i, 0);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, Panel p) {
        double[] x = range(p, 0);
        double[] y = range(p, 1);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(p.title(), LEFT, TOP - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawRect(LEFT, TOP, PW, PH);
        for (double d = x[0]; d <= x[1] + 1e-9; d++) {
            int px = LEFT + (int) ((d - x[0]) / (x[1] - x[0]) * PW);
            g.setColor(new Color(0xdddddd));
            g.drawLine(px, TOP, px, TOP + PH);
            g.setColor(Color.BLACK);
            g.drawString(label(d), px - 10, TOP + PH + 15);
        }
        for (double d = y[0]; d <= y[1] + 1e-9; d++) {
            int py = TOP + PH - (int) ((d - y[0]) / (y[1] - y[0]) * PH);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, py, LEFT + PW, py);
            g.setColor(Color.BLACK);
            g.drawString(label(d), LEFT - 45, py + 4);
        }
        g.drawString(p.xLabel() + " (log)", LEFT + PW / 2 - 60, TOP + PH + 32);
        g.drawString(p.yLabel() + " (log)", 5, TOP - 2);
        int legend = TOP + PH + 48;
        for (int s = 0; s < p.series().size(); s++) {
            Series series = p.series().get(s);
            g.setColor(COLORS[s % COLORS.length]);
            g.setStroke(new BasicStroke(2f));
            int[] prev = null;
            for (double[] pt : series.points()) {
                if (!(pt[0] > 0 && pt[1] > 0)) {
                    continue;
                }
                int px = LEFT + (int) ((Math.log10(pt[0]) - x[0]) / (x[1] - x[0]) * PW);
                int py = TOP + PH - (int) ((Math.log10(pt[1]) - y[0]) / (y[1] - y[0]) * PH);
                g.fillOval(px - 3, py - 3, 7, 7);
                if (prev != null) {
                    g.drawLine(prev[0], prev[1], px, py);
                }
                prev = new int[] {px, py};
            }
            int lx = LEFT + (s % 2) * (PW / 2);
            int ly = legend + (s / 2) * 16;
            g.fillRect(lx, ly - 8, 14, 8);
            g.setColor(Color.BLACK);
            g.drawString(series.name(), lx + 20, ly);
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Whole decades around every positive value on axis {@code a}. */
    private static double[] range(Panel p, int a) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Series s : p.series()) {
            for (double[] pt : s.points()) {
                if (pt[0] > 0 && pt[1] > 0) {
                    lo = Math.min(lo, Math.log10(pt[a]));
                    hi = Math.max(hi, Math.log10(pt[a]));
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        lo = Math.floor(lo);
        hi = Math.max(lo + 1, Math.ceil(hi));
        return new double[] {lo, hi};
    }

    private static String label(double decade) {
        double v = Math.pow(10, decade);
        return v >= 1 ? "%,.0f".formatted(v) : "%s".formatted((float) v);
    }
}
