package org.jixing.certification;

import org.jixing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printable certificate: Chinese text as text, the QR code, for whom it is open. */
class CertificatePdfIT extends IntegrationTest implements CertificateFixtures {

    @Test
    void theHolderAndOfficersInScopeDownloadAPdfWithTheChineseNameAndTheQrCode() throws Exception {
        Body body = evaluationBody(JINAN, "CLEANER", "JUNIOR");
        long holder = person("欧阳明月");
        Certificate c = issue(holder, "CLEANER", "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        Cookie trainee = traineeCookie(holder);
        byte[] pdf = mvc.perform(get("/certification/certificates/" + c.id() + ".pdf").cookie(trainee))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("欧阳明月", "职业技能等级证书", c.number(), "初级工", body.name(),
                    "https://jixing.example.gov.cn/verify");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            Path png = Path.of("target", "certificate-sample.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            // The QR code is drawn: the lower right of the page has dark modules.
            int dark = 0;
            for (int x = page.getWidth() * 2 / 3; x < page.getWidth(); x++) {
                for (int y = page.getHeight() * 2 / 3; y < page.getHeight(); y++) {
                    if ((page.getRGB(x, y) & 0xff) < 64) {
                        dark++;
                    }
                }
            }
            assertThat(dark).isGreaterThan(500);
        }
        byte[] english = mvc
            .perform(get("/certification/certificates/" + c.id() + ".pdf").param("lang", "en").cookie(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("欧阳明月", "Skill-level certificate", "Junior worker");
        }
        mvc.perform(get("/certification/certificates/" + c.id() + ".pdf").cookie(jinan())).andExpect(status().isOk());
        Cookie other = traineeCookie(person("路人甲"));
        mvc.perform(get("/certification/certificates/" + c.id() + ".pdf").cookie(other))
            .andExpect(status().isNotFound());
    }

}
