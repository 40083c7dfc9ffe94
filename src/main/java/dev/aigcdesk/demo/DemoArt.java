package dev.aigcdesk.demo;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Paints the demo's sample "generations": soft abstract compositions, one look per seed. */
final class DemoArt {

    private DemoArt() {}

    static byte[] render(long seed, int width, int height, String format) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = rnd.nextFloat();
            Color top = Color.getHSBColor(hue, 0.55f, 0.95f);
            Color bottom = Color.getHSBColor((hue + 0.12f) % 1f, 0.75f, 0.45f);
            g.setPaint(new GradientPaint(0, 0, top, 0, height, bottom));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 7; i++) {
                float r = (0.12f + rnd.nextFloat() * 0.35f) * Math.min(width, height);
                float x = rnd.nextFloat() * width;
                float y = rnd.nextFloat() * height;
                Color c = Color.getHSBColor(
                        (hue + 0.5f + rnd.nextFloat() * 0.3f) % 1f, 0.5f + rnd.nextFloat() * 0.4f, 1f);
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f + rnd.nextFloat() * 0.3f));
                g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), r, new float[] {0f, 1f}, new Color[] {
                    c, new Color(c.getRed(), c.getGreen(), c.getBlue(), 0)
                }));
                g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
            }
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.9f));
            g.setColor(Color.getHSBColor((hue + 0.08f) % 1f, 0.35f, 0.2f));
            int horizon = (int) (height * (0.62 + rnd.nextFloat() * 0.15));
            int[] xs = new int[12];
            int[] ys = new int[12];
            for (int i = 0; i < 10; i++) {
                xs[i] = i * width / 9;
                ys[i] = horizon - (int) (rnd.nextFloat() * height * 0.18);
            }
            xs[10] = width;
            ys[10] = height;
            xs[11] = 0;
            ys[11] = height;
            g.fillPolygon(xs, ys, 12);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format.equals("jpg") ? "jpeg" : format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
