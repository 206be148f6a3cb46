package miicbot.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a document PDF/A-2b and declares it PDF/UA-1: an sRGB output intent, matching document information and
 * XMP metadata (with the PDF/UA identification and the extension schema PDF/A asks for it), and a title shown in
 * the viewer's title bar. The title is generic on purpose: metadata must never carry a child's name.
 */
final class PdfA {
    static final String TITLE = "MIIC Privacy Setting Change Request";
    static final String PRODUCER = "miic-privacy-bot (Apache PDFBox)";
    // The JDK's built-in sRGB profile (ICC v2), accepted by veraPDF for PDF/A-2b; read and compressed once.
    private static final byte[] SRGB_DEFLATED = ContentStream.deflate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

    private PdfA() {
    }

    // Serialising XMP builds XML factories, slow next to the rest of a form; the packet only changes with the day.
    private static final java.util.Map<Long, byte[]> XMP_BY_TIME = new java.util.concurrent.ConcurrentHashMap<>();

    static void apply(PDDocument doc, Calendar created) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(TITLE);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        PDMetadata metadata = new PDMetadata(doc);
        byte[] xmp = XMP_BY_TIME.get(created.getTimeInMillis());
        if (xmp == null) {
            if (XMP_BY_TIME.size() > 16) {
                XMP_BY_TIME.clear();
            }
            xmp = xmp(created);
            XMP_BY_TIME.put(created.getTimeInMillis(), xmp);
        }
        metadata.importXMPMetadata(xmp);
        doc.getDocumentCatalog().setMetadata(metadata);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true); // PDF/UA: a reader announces the title, not the file name
        doc.getDocumentCatalog().setViewerPreferences(preferences);

        COSStream profile = doc.getDocument().createCOSStream();
        profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        profile.setInt(COSName.N, 3);
        try (OutputStream out = profile.createRawOutputStream()) {
            out.write(SRGB_DEFLATED);
        }
        COSDictionary dict = new COSDictionary();
        dict.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
        dict.setItem(COSName.S, COSName.GTS_PDFA1);
        dict.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        PDOutputIntent intent = new PDOutputIntent(dict);
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    private static byte[] xmp(Calendar created) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(TITLE);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(PRODUCER);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(2);
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write XMP metadata", e);
        }
        // XMPBox has no PDF/UA schema; its description and PDF/A's extension schema for it are fixed text.
        String packet = bytes.toString(StandardCharsets.UTF_8);
        int end = packet.lastIndexOf("</rdf:RDF>");
        if (end < 0) {
            throw new IOException("XMP packet without rdf:RDF");
        }
        return (packet.substring(0, end) + PDF_UA + packet.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    /** pdfuaid:part 1 (ISO 14289-1), with the PDF/A extension schema that declares the pdfuaid namespace. */
    private static final String PDF_UA = """
            <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
                xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
              <pdfuaid:part>1</pdfuaid:part>
              <pdfaExtension:schemas>
                <rdf:Bag>
                  <rdf:li rdf:parseType="Resource">
                    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                    <pdfaSchema:property>
                      <rdf:Seq>
                        <rdf:li rdf:parseType="Resource">
                          <pdfaProperty:name>part</pdfaProperty:name>
                          <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                          <pdfaProperty:category>internal</pdfaProperty:category>
                          <pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
                        </rdf:li>
                      </rdf:Seq>
                    </pdfaSchema:property>
                  </rdf:li>
                </rdf:Bag>
              </pdfaExtension:schemas>
            </rdf:Description>
            """;
}
