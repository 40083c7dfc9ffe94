package dev.aigcdesk.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;

/** Pictures the tests draw, with known colours and known relations to each other. */
public final class Pictures {

    private Pictures() {}

    /** A poster: a blue sky over green hills, an orange sun, a white house: about half blue. */
    public static BufferedImage poster(int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double k = side / 512.0;
        g.setColor(new Color(0x1E90FF));
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(0x2E8B57));
        g.fillOval((int) (-100 * k), (int) (300 * k), (int) (500 * k), (int) (400 * k));
        g.fillOval((int) (200 * k), (int) (320 * k), (int) (500 * k), (int) (400 * k));
        g.setColor(new Color(0xFF8C00));
        g.fillOval((int) (340 * k), (int) (60 * k), (int) (110 * k), (int) (110 * k));
        g.setColor(Color.WHITE);
        g.fillRect((int) (120 * k), (int) (250 * k), (int) (120 * k), (int) (100 * k));
        g.setColor(new Color(0x8B0000));
        g.fillPolygon(
                new int[] {(int) (110 * k), (int) (180 * k), (int) (250 * k)},
                new int[] {(int) (250 * k), (int) (190 * k), (int) (250 * k)},
                3);
        g.dispose();
        return img;
    }

    public static BufferedImage jpegOf(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    public static BufferedImage resized(BufferedImage img, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    /** Every colour turned 120° round the hue circle: the same shapes in other colours. */
    public static BufferedImage hueShifted(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        float[] hsb = new float[3];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                Color.RGBtoHSB((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, hsb);
                out.setRGB(x, y, Color.HSBtoRGB(hsb[0] + 1f / 3, hsb[1], hsb[2]));
            }
        }
        return out;
    }

    /** Five pictures with nothing in common with the poster or each other. */
    public static List<BufferedImage> unrelated() {
        List<BufferedImage> out = new ArrayList<>();
        int s = 384;
        BufferedImage checks = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                checks.setRGB(x, y, ((x / 48 + y / 48) % 2 == 0) ? 0x111111 : 0xEEEEEE);
            }
        }
        out.add(checks);
        BufferedImage stripes = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0xC71585, 0xFFD700, 0x4B0082, 0x00CED1};
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                stripes.setRGB(x, y, colours[(x / 24) % 4]);
            }
        }
        out.add(stripes);
        BufferedImage diagonal = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = diagonal.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x8B4513), s, s, new Color(0xFFF8DC)));
        g.fillRect(0, 0, s, s);
        g.dispose();
        out.add(diagonal);
        BufferedImage noise = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int by = 0; by < s; by += 32) {
            for (int bx = 0; bx < s; bx += 32) {
                int c = r.nextInt(0xFFFFFF);
                for (int y = by; y < by + 32; y++) {
                    for (int x = bx; x < bx + 32; x++) {
                        noise.setRGB(x, y, c);
                    }
                }
            }
        }
        out.add(noise);
        BufferedImage portrait = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        g = portrait.createGraphics();
        g.setColor(new Color(0xF5DEB3));
        g.fillRect(0, 0, s, s);
        g.setColor(new Color(0x2F4F4F));
        g.fillOval(s / 4, s / 6, s / 2, s * 2 / 3);
        g.setColor(new Color(0xDC143C));
        g.fillRect(0, s * 5 / 6, s, s / 6);
        g.dispose();
        out.add(portrait);
        return out;
    }

    /** A picture as the bytes of a file of {@code format} ("png", "jpg"). */
    public static byte[] bytes(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The find-by-look set, served as finished generations: 1 a poster, 2 it as JPEG, 3 it at half size, 4 it in
     * other colours, 5-9 unrelated pictures ("unrelated picture number N").
     *
     * @return the task ids, in that order
     */
    public static List<String> serveLookSet(FaultServer service, IntFunction<String> id) {
        List<String> ids = new ArrayList<>();
        Object[][] set = {
            {"poster of hills under a blue sky", poster(512), "png"},
            {"poster again as a JPEG", poster(512), "jpg"},
            {"poster at half size", resized(poster(512), 256), "png"},
            {"poster in other colours", hueShifted(poster(512)), "png"}
        };
        for (Object[] p : set) {
            ids.add(serve(service, id.apply(ids.size() + 1), (String) p[0], (BufferedImage) p[1], (String) p[2]));
        }
        for (BufferedImage other : unrelated()) {
            int n = ids.size() + 1;
            ids.add(serve(service, id.apply(n), "unrelated picture number " + n, other, "png"));
        }
        return ids;
    }

    private static String serve(FaultServer service, String id, String prompt, BufferedImage picture, String format) {
        service.add(new FaultServer.Task(id, prompt, List.of(bytes(picture, format)), format));
        return id;
    }
}
