package dev.aigcdesk.download.provenance;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.PropertyOptions;
import com.adobe.internal.xmp.options.SerializeOptions;
import java.time.format.DateTimeFormatter;

/** The XMP that labels a file as AI-generated, with its prompt as the description. Built with Adobe's xmpcore. */
final class XmpPacket {

    static final String IPTC_EXT_NS = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    /** This app's own properties: the whole task (so a JPEG alone rebuilds it, as a PNG does) and the collections it is in. */
    static final String AIGC_DESK_NS = "https://aigcdesk.dev/xmp/1.0/";

    private XmpPacket() {}

    static String build(Provenance p) {
        return build(p, true);
    }

    /** @param withTask whether the task JSON goes in too (left out when a JPEG segment could not hold it) */
    static String build(Provenance p, boolean withTask) {
        try {
            registerNamespaces();
            XMPMeta meta = XMPMetaFactory.create();
            meta.setProperty(IPTC_EXT_NS, "DigitalSourceType", Provenance.TRAINED_ALGORITHMIC_MEDIA);
            if (p.prompt() != null && !p.prompt().isBlank()) {
                meta.setLocalizedText(
                        XMPConst.NS_DC, "description", XMPConst.X_DEFAULT, XMPConst.X_DEFAULT, p.prompt());
            }
            meta.setProperty(
                    XMPConst.NS_XMP,
                    "CreatorTool",
                    p.creatorTool() + (p.model() == null || p.model().isBlank() ? "" : " (" + p.model() + ")"));
            if (p.created() != null) {
                meta.setProperty(XMPConst.NS_XMP, "CreateDate", DateTimeFormatter.ISO_INSTANT.format(p.created()));
            }
            meta.setProperty(XMPConst.NS_DC, "identifier", p.taskId());
            // The designer's stars and tags, where Lightroom, Bridge and Eagle read them.
            if (p.rating() > 0) {
                meta.setProperty(XMPConst.NS_XMP, "Rating", Integer.toString(p.rating()));
            }
            for (String k : p.keywords()) {
                meta.appendArrayItem(XMPConst.NS_DC, "subject", new PropertyOptions().setArray(true), k, null);
            }
            for (String c : p.collections()) {
                meta.appendArrayItem(AIGC_DESK_NS, "Collections", new PropertyOptions().setArray(true), c, null);
            }
            if (withTask && p.taskJson() != null) {
                meta.setProperty(AIGC_DESK_NS, "Task", p.taskJson());
            }
            SerializeOptions options =
                    new SerializeOptions().setUseCompactFormat(true).setOmitPacketWrapper(false);
            return XMPMetaFactory.serializeToString(meta, options);
        } catch (XMPException e) {
            throw new IllegalStateException("Building XMP failed: " + e.getMessage(), e);
        }
    }

    static void registerNamespaces() throws XMPException {
        XMPMetaFactory.getSchemaRegistry().registerNamespace(IPTC_EXT_NS, "Iptc4xmpExt");
        XMPMetaFactory.getSchemaRegistry().registerNamespace(AIGC_DESK_NS, "aigcdesk");
    }

    /** True when an XMP packet already says the file is AI-generated (IPTC source type or the TC260 AIGC label). */
    static boolean hasAigcLabel(String xmp) {
        return xmp.contains("trainedAlgorithmicMedia")
                || xmp.contains("compositeWithTrainedAlgorithmicMedia")
                || xmp.contains("tc260.org.cn")
                || xmp.contains("TC260:AIGC")
                || xmp.contains(":AIGC");
    }
}
