package dev.aigcdesk.look;

/**
 * A colour in CIE L*a*b* (D65), where distances are close to what the eye sees; {@link #deltaE2000} is
 * the CIEDE2000 difference (about 1: just noticeable; above 10: plainly another colour).
 */
public record Lab(double l, double a, double b) {

    /** From 0xRRGGBB (sRGB). */
    public static Lab ofRgb(int rgb) {
        double r = linear((rgb >> 16) & 0xFF);
        double g = linear((rgb >> 8) & 0xFF);
        double bl = linear(rgb & 0xFF);
        return ofLinear(r, g, bl);
    }

    /** From linear-light RGB, each 0..1. */
    static Lab ofLinear(double r, double g, double b) {
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /** Back to 0xRRGGBB, clamped into sRGB. */
    public int rgb() {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = finv(fx) * 0.95047;
        double y = finv(fy);
        double z = finv(fz) * 1.08883;
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return (gamma(r) << 16) | (gamma(g) << 8) | gamma(bl);
    }

    /** Squared Euclidean distance (CIE76): cheap, for clustering. */
    double distance2(Lab o) {
        double dl = l - o.l;
        double da = a - o.a;
        double db = b - o.b;
        return dl * dl + da * da + db * db;
    }

    /** CIEDE2000 (Sharma, Wu and Dalal's formulation, kL = kC = kH = 1). */
    public double deltaE2000(Lab o) {
        double c1 = Math.hypot(a, b);
        double c2 = Math.hypot(o.a, o.b);
        double cBar = (c1 + c2) / 2;
        double c7 = Math.pow(cBar, 7);
        double g = 0.5 * (1 - Math.sqrt(c7 / (c7 + 6103515625.0))); // 25^7
        double a1 = (1 + g) * a;
        double a2 = (1 + g) * o.a;
        double c1p = Math.hypot(a1, b);
        double c2p = Math.hypot(a2, o.b);
        double h1p = hue(b, a1);
        double h2p = hue(o.b, a2);
        double dLp = o.l - l;
        double dCp = c2p - c1p;
        double dhp;
        if (c1p * c2p == 0) {
            dhp = 0;
        } else if (Math.abs(h2p - h1p) <= 180) {
            dhp = h2p - h1p;
        } else if (h2p - h1p > 180) {
            dhp = h2p - h1p - 360;
        } else {
            dhp = h2p - h1p + 360;
        }
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));
        double lBarp = (l + o.l) / 2;
        double cBarp = (c1p + c2p) / 2;
        double hBarp;
        if (c1p * c2p == 0) {
            hBarp = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hBarp = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            hBarp = (h1p + h2p + 360) / 2;
        } else {
            hBarp = (h1p + h2p - 360) / 2;
        }
        double t = 1
                - 0.17 * Math.cos(Math.toRadians(hBarp - 30))
                + 0.24 * Math.cos(Math.toRadians(2 * hBarp))
                + 0.32 * Math.cos(Math.toRadians(3 * hBarp + 6))
                - 0.20 * Math.cos(Math.toRadians(4 * hBarp - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hBarp - 275) / 25, 2));
        double cBarp7 = Math.pow(cBarp, 7);
        double rc = 2 * Math.sqrt(cBarp7 / (cBarp7 + 6103515625.0));
        double l50 = (lBarp - 50) * (lBarp - 50);
        double sl = 1 + 0.015 * l50 / Math.sqrt(20 + l50);
        double sc = 1 + 0.045 * cBarp;
        double sh = 1 + 0.015 * cBarp * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double x = dLp / sl;
        double y = dCp / sc;
        double z = dHp / sh;
        return Math.sqrt(x * x + y * y + z * z + rt * y * z);
    }

    private static double hue(double b, double a) {
        if (a == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    private static final double[] LINEAR = new double[256];

    static {
        for (int c = 0; c < 256; c++) {
            double v = c / 255.0;
            LINEAR[c] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
    }

    static double linear(int c) {
        return LINEAR[c];
    }

    private static int gamma(double v) {
        double c = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double finv(double t) {
        double t3 = t * t * t;
        return t3 > 216.0 / 24389 ? t3 : (116 * t - 16) / (24389.0 / 27);
    }
}
