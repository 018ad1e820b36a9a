package org.jixing.certification.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import org.jixing.certification.Certificate;
import org.jixing.certification.CertificateSignatures;
import org.jixing.certification.Certificates;
import org.jixing.reference.Occupation;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The printable certificate: holder, occupation, level, body, day and number, and the QR
 * code of its signed token. Chinese text uses the Adobe CJK font STSong-Light with the
 * UniGB-UCS2-H encoding that OpenPDF carries, so no font file ships with the application
 * (a PDF reader supplies the glyphs).
 */
@Component
class CertificatePdf {

    private final Certificates certificates;

    private final CertificateSignatures signatures;

    private final CertificateNames names;

    private final MessageSource messages;

    CertificatePdf(Certificates certificates, CertificateSignatures signatures, CertificateNames names,
            MessageSource messages) {
        this.certificates = certificates;
        this.signatures = signatures;
        this.names = names;
        this.messages = messages;
    }

    byte[] render(Certificate c, Locale locale) {
        try {
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font title = new Font(song, 26, Font.BOLD);
            Font label = new Font(song, 12, Font.NORMAL, new Color(90, 90, 90));
            Font value = new Font(song, 14);
            Font small = new Font(song, 9, Font.NORMAL, new Color(90, 90, 90));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4, 60, 60, 70, 60);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(msg("certificates.pdf.title", locale) + " " + c.number());
            doc.open();
            Paragraph heading = new Paragraph(msg("certificates.pdf.title", locale), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(36);
            doc.add(heading);
            SkillLevel level = names.levels().get(c.levelCode());
            Occupation occupation = names.occupations().get(c.occupationCode());
            PdfPTable table = new PdfPTable(new float[] { 1f, 2.4f });
            table.setWidthPercentage(90);
            row(table, msg("certificates.field.holder", locale), c.holderName(), label, value);
            row(table, msg("certificates.field.occupation", locale),
                    occupation == null ? c.occupationCode() : occupation.name(locale), label, value);
            row(table, msg("certificates.field.level", locale), level == null ? c.levelCode() : level.name(locale),
                    label, value);
            row(table, msg("certificates.field.body", locale), c.bodyName(), label, value);
            row(table, msg("certificates.field.issuedOn", locale), c.issuedOn().toString(), label, value);
            row(table, msg("certificates.field.number", locale), c.number(), label, value);
            if (!c.valid()) {
                row(table, msg("certificates.field.status", locale), msg("certificates.status.REVOKED", locale), label,
                        value);
            }
            doc.add(table);
            String qrText = signatures.qrText(c);
            drawQr(writer.getDirectContent(), QrCodes.matrix(qrText), doc.right() - 150, doc.bottom() + 60, 150);
            String site = qrText.substring(0, qrText.indexOf("/verify") + "/verify".length());
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase(messages.getMessage("certificates.pdf.verifyHint", new Object[] { site }, locale),
                            small),
                    doc.right(), doc.bottom() + 40, 0);
            doc.close();
            return out.toByteArray();
        }
        catch (DocumentException | IOException ex) {
            throw new IllegalStateException("certificate PDF failed", ex);
        }
    }

    private static void row(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell l = new PdfPCell(new Phrase(label, labelFont));
        l.setBorder(0);
        l.setPaddingBottom(14);
        PdfPCell v = new PdfPCell(new Phrase(value, valueFont));
        v.setBorder(0);
        v.setPaddingBottom(14);
        table.addCell(l);
        table.addCell(v);
    }

    private static void drawQr(PdfContentByte cb, BitMatrix m, float x, float y, float size) {
        float module = size / m.getWidth();
        cb.saveState();
        cb.setColorFill(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    cb.rectangle(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        cb.fill();
        cb.restoreState();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

}
