package org.jixing.certification;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asEvaluator;
import static org.jixing.RunningAs.asTrainee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

class CertificatesIT extends IntegrationTest implements CertificateFixtures {

    @Autowired
    CertificateSignatures signatures;

    @Autowired
    CertificateRevocation revocation;

    @Autowired
    CertificateIssuing issuing;

    @Autowired
    Certificates certificates;

    @Autowired
    JdbcClient jdbc;

    private static final String OCC = "CLEANER";

    private static String key(InvalidInputException ex) {
        return ex.problems().get(0).messageKey();
    }

    @Test
    void theLadderIsClimbedRungByRungUnlessDirectlyRecognised() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR", "INTERMEDIATE", "SENIOR");
        long p = person("赵小明");
        assertThatThrownBy(() -> issue(p, OCC, "INTERMEDIATE", body.id(), CertificateRoute.ASSESSMENT))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(key(ex)).isEqualTo("certificates.error.ladder"));
        Certificate junior = issue(p, OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        assertThat(junior.valid()).isTrue();
        assertThatThrownBy(() -> issue(p, OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(key(ex)).isEqualTo("certificates.error.already"));
        Certificate intermediate = issue(p, OCC, "INTERMEDIATE", body.id(), CertificateRoute.ASSESSMENT);
        assertThat(certificates.prerequisite(certificates.level("INTERMEDIATE").orElseThrow()).orElseThrow().code())
            .isEqualTo("JUNIOR");
        // The body is not filed for technicians: an assessment is refused, direct
        // recognition
        // skips the ladder.
        assertThatThrownBy(() -> issue(p, OCC, "TECHNICIAN", body.id(), CertificateRoute.ASSESSMENT))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(ex.problems()).extracting(InvalidInputException.Problem::messageKey)
                        .contains("certificates.error.body.permit", "certificates.error.ladder"));
        Certificate technician = issue(p, OCC, "TECHNICIAN", body.id(), CertificateRoute.DIRECT_RECOGNITION);
        // 特级技师 only through an enterprise or direct recognition, and after 高级技师.
        assertThatThrownBy(() -> issue(p, OCC, "PRINCIPAL_TECHNICIAN", body.id(), CertificateRoute.ASSESSMENT))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(ex.problems()).extracting(InvalidInputException.Problem::messageKey)
                        .contains("certificates.error.level.topRoute"));
        assertThatThrownBy(() -> issue(p, OCC, "PRINCIPAL_TECHNICIAN", body.id(), CertificateRoute.ENTERPRISE))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(key(ex)).isEqualTo("certificates.error.ladder"));
        issue(p, OCC, "SENIOR_TECHNICIAN", body.id(), CertificateRoute.ENTERPRISE);
        Certificate principal = issue(p, OCC, "PRINCIPAL_TECHNICIAN", body.id(), CertificateRoute.ENTERPRISE);
        assertThat(principal.route()).isEqualTo(CertificateRoute.ENTERPRISE);
        assertThat(asAdmin(() -> certificates.ofPerson(p))).extracting(Certificate::levelCode)
            .containsExactly("JUNIOR", "INTERMEDIATE", "TECHNICIAN", "SENIOR_TECHNICIAN", "PRINCIPAL_TECHNICIAN");
        assertThat(intermediate.number()).isNotEqualTo(junior.number());
        assertThat(technician.number().charAt(10)).isEqualTo('5');
    }

    @Test
    void theApiExplainsARefusalInBothLanguages() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR", "INTERMEDIATE");
        long p = person("钱多多");
        String request = """
                {"personId":%d,"occupationCode":"%s","levelCode":"INTERMEDIATE","evaluationBodyId":%d,"route":"ASSESSMENT"}"""
            .formatted(p, OCC, body.id());
        postJson("/api/v1/certificates", body.evaluator(), request).andExpect(status().isUnprocessableEntity())
            .andExpect(content().string(containsString("须先取得同一职业的“初级工”证书")));
        mvc.perform(post("/api/v1/certificates").with(csrf())
            .cookie(body.evaluator())
            .header("Accept-Language", "en")
            .contentType("application/json")
            .content(request))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(content().string(containsString("must first hold the \\\"Junior worker (grade 5)\\\"")));
        postJson("/api/v1/certificates", body.evaluator(), request.replace("INTERMEDIATE", "JUNIOR"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.holderName").value("钱多多"));
        // Another body's evaluator may not issue for this one.
        Body other = evaluationBody(JINAN, OCC, "JUNIOR");
        long q = person("孙小美");
        assertThatThrownBy(() -> asEvaluator(other.id(),
                () -> issuing.issue(request(q, OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT))))
            .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEventListenerIssuesWithoutASignedInUserUnderTheSameRules() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR", "INTERMEDIATE");
        long p = person("冯小刚");
        SecurityContextHolder.clearContext();
        // Without an assessment result (whose candidate was admitted against the
        // prerequisites) the ladder is checked here.
        assertThatThrownBy(() -> issuing.issueAs("assessment-result",
                new CertificateRequest(p, OCC, "INTERMEDIATE", body.id(), CertificateRoute.ASSESSMENT, null, null,
                        null)))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(key(ex)).isEqualTo("certificates.error.ladder"));
        long[] result = finalResult(body.id(), p);
        Certificate c = issuing.issueAs("assessment-result", new CertificateRequest(p, OCC, "JUNIOR", body.id(),
                CertificateRoute.ASSESSMENT, result[0], result[1], null));
        assertThat(c.issuedBy()).isEqualTo("assessment-result");
        assertThat(c.batchId()).isEqualTo(result[0]);
        assertThat(c.resultId()).isEqualTo(result[1]);
        assertThat(c.issuedOn()).isEqualTo(certificates.today());
        // Without a user, the ordinary entry refuses.
        assertThatThrownBy(() -> issuing.issue(request(p, OCC, "INTERMEDIATE", body.id(), CertificateRoute.ASSESSMENT)))
            .isNotInstanceOf(InvalidInputException.class);
    }

    /**
     * A final, passed result of a batch of the body, as the assessment listener finds it:
     * the batch's id and the result's (the certificate names both, and the database keeps
     * them real).
     */
    long[] finalResult(long bodyId, long personId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_batch (batch_no, evaluation_body_id, body_name, region_code, occupation_code,
                  level_code, kind, assessed_on, venue, status, province_approval, created_by, created_at)
                values (:no, :body, '评价机构', :region, :occ, 'JUNIOR', 'BODY', :on, '考场', 'FINAL', 'NOT_NEEDED',
                  'test', :at)""")
            .param("no", "PC" + System.nanoTime())
            .param("body", bodyId)
            .param("region", JINAN)
            .param("occ", OCC)
            .param("on", certificates.today())
            .param("at", Timestamp.from(Instant.now()))
            .update(keys, "id");
        long batch = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("""
                insert into assessment_candidate (batch_id, person_id, source, prerequisite_outcome, added_by, added_at)
                values (:b, :p, 'APPLICATION', 'none', 'test', :at)""")
            .param("b", batch)
            .param("p", personId)
            .param("at", Timestamp.from(Instant.now()))
            .update(keys, "id");
        long candidate = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("""
                insert into assessment_result (candidate_id, batch_id, person_id, theory_score, practical_score, passed,
                  status, entered_by, entered_at) values (:c, :b, :p, 80, 80, true, 'FINAL', 'test', :at)""")
            .param("c", candidate)
            .param("b", batch)
            .param("p", personId)
            .param("at", Timestamp.from(Instant.now()))
            .update(keys, "id");
        return new long[] { batch, keys.getKeyAs(Number.class).longValue() };
    }

    @Test
    void numbersCarryRegionYearLevelSequenceAndACheckCharacter() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR");
        Certificate a = issue(person("李雷"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        Certificate b = issue(person("韩梅梅"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        int year = certificates.today().getYear();
        assertThat(a.number()).hasSize(19).startsWith(JINAN + year + "2").matches("\\d{18}[0-9X]");
        assertThat(CertificateNumbers.wellFormed(a.number())).isTrue();
        assertThat(Long.parseLong(b.number().substring(11, 18)))
            .isEqualTo(Long.parseLong(a.number().substring(11, 18)) + 1);
        String wrongCheck = a.number().substring(0, 18) + (a.number().charAt(18) == '0' ? '1' : '0');
        assertThat(CertificateNumbers.wellFormed(wrongCheck)).isFalse();
        assertThat(CertificateNumbers.format("370100", 2026, 3, 42)).startsWith("370100202630000042");
        Certificate old = past(person("周杰"), OCC, "JUNIOR", body.id(), LocalDate.of(2024, 5, 6));
        assertThat(old.number()).startsWith(JINAN + "20242")
            .endsWith(old.number().substring(11, 18) + old.number().charAt(18));
        assertThat(old.route()).isEqualTo(CertificateRoute.IMPORTED);
        assertThat(old.issuedOn()).isEqualTo(LocalDate.of(2024, 5, 6));
    }

    @Test
    void thePublicSeesValidThenRevokedThenUnknownWithTheHolderMasked() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR");
        Certificate c = issue(person("张小明"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        mvc.perform(get("/api/v1/certificates/verify/" + c.number()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.outcome").value("VALID"))
            .andExpect(jsonPath("$.maskedHolder").value("张*明"))
            .andExpect(jsonPath("$.levelCode").value("JUNIOR"))
            .andExpect(jsonPath("$.bodyName").value(body.name()));
        mvc.perform(get("/verify/" + c.number()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("证书有效")))
            .andExpect(content().string(containsString("张*明")))
            .andExpect(content().string(not(containsString("张小明"))));
        mvc.perform(get("/verify/" + c.number()).param("lang", "en"))
            .andExpect(content().string(containsString("Valid certificate")))
            .andExpect(content().string(containsString("Junior worker (grade 5)")));
        // Reason required; then revoked by the issuing body's evaluator, at once.
        assertThatThrownBy(() -> asEvaluator(body.id(),
                () -> revocation.revoke(c.number(), RevocationReason.FRAUDULENT_EVALUATION, " ")))
            .isInstanceOf(InvalidInputException.class);
        mvc.perform(post("/certification/certificates/" + c.id() + "/revocation").with(csrf())
            .cookie(body.evaluator())
            .param("reason", "FRAUDULENT_EVALUATION")
            .param("details", "考评员代考")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/certificates/verify/" + c.number()))
            .andExpect(jsonPath("$.outcome").value("REVOKED"))
            .andExpect(jsonPath("$.revokeReason").value("FRAUDULENT_EVALUATION"))
            .andExpect(jsonPath("$.revokedAt").exists());
        mvc.perform(get("/verify/" + c.number()))
            .andExpect(content().string(containsString("证书已撤销")))
            .andExpect(content().string(containsString("评价弄虚作假")))
            .andExpect(content().string(not(containsString("考评员代考"))));
        mvc.perform(get("/verify/" + c.number()).param("lang", "en"))
            .andExpect(content().string(containsString("Certificate revoked")))
            .andExpect(content().string(containsString("Fraudulent evaluation")));
        // Revoked: the level may be certified again.
        issue(c.personId(), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        String unknown = CertificateNumbers.format("370100", 2019, 2, 9_999_998);
        mvc.perform(get("/api/v1/certificates/verify/" + unknown)).andExpect(jsonPath("$.outcome").value("UNKNOWN"));
        mvc.perform(get("/verify/" + unknown)).andExpect(content().string(containsString("查无此证")));
        mvc.perform(get("/verify/NOT-A-NUMBER").param("lang", "en"))
            .andExpect(content().string(containsString("No such certificate")));
    }

    @Test
    void aScannedTokenIsCheckedAgainstThePublishedKeyAndATamperedOneIsInvalid() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR");
        Certificate c = issue(person("王小二"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        assertThat(c.token()).startsWith("JX1.");
        String json = CertificateTokens.parse(c.token()).orElseThrow().json();
        assertThat(json).contains("\"no\":\"" + c.number() + "\"", "\"name\":\"王*二\"", "\"kid\":\"" + c.keyId() + "\"")
            .doesNotContain("王小二");
        assertThat(signatures.qrText(c)).isEqualTo("https://jixing.example.gov.cn/verify?token=" + c.token());
        mvc.perform(get("/verify").param("token", c.token()))
            .andExpect(content().string(containsString("证书有效")))
            .andExpect(content().string(containsString("二维码签名核验通过")));
        String tampered = tamper(c.token());
        mvc.perform(get("/verify").param("token", tampered))
            .andExpect(content().string(containsString("二维码无效")))
            .andExpect(content().string(not(containsString("证书有效"))));
        mvc.perform(post("/verify").with(csrf()).param("token", tampered).param("lang", "en"))
            .andExpect(content().string(containsString("Invalid QR code")));
        mvc.perform(get("/api/v1/certificates/verify").param("token", tampered))
            .andExpect(jsonPath("$.outcome").value("INVALID"));
        mvc.perform(get("/api/v1/certificates/verify").param("token", "garbage"))
            .andExpect(jsonPath("$.outcome").value("INVALID"));
        mvc.perform(get("/api/v1/certificates/keys"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(c.keyId())));
    }

    /**
     * The same token with the holder's masked name changed (赵*二): the signature no longer
     * fits.
     */
    private static String tamper(String token) {
        String[] p = token.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
        String changed = json.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"赵*二\"");
        assertThat(changed).isNotEqualTo(json);
        return p[0] + "." + CertificateTokens.encode(changed) + "." + p[2];
    }

    @Test
    void theCommandLineVerifierChecksARealTokenAndRefusesATamperedOne() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR");
        Certificate c = issue(person("刘小红"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        String publicKey = asAdmin(() -> signatures.keys()).stream()
            .filter(k -> k.keyId().equals(c.keyId()))
            .findFirst()
            .orElseThrow()
            .publicKey();
        Run ok = runVerifier(signatures.qrText(c), publicKey);
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("VALID SIGNATURE", c.number(), "刘*红");
        Run bad = runVerifier(tamper(c.token()), publicKey);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("INVALID SIGNATURE");
    }

    record Run(int exit, String out) {
    }

    /** Runs tools/verify/VerifyCertificate.java with the JDK's source launcher. */
    private static Run runVerifier(String token, String key) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dstdout.encoding=UTF-8", "tools/verify/VerifyCertificate.java",
                token, key)
            .redirectErrorStream(true)
            .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        return new Run(process.waitFor(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void afterAKeyRotationOldCertificatesStillVerify() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR");
        Certificate before = issue(person("陈一"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        SigningKey next = asAdmin(() -> signatures.rotateKey());
        assertThat(next.keyId()).isNotEqualTo(before.keyId());
        Certificate after = issue(person("陈二"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        assertThat(after.keyId()).isEqualTo(next.keyId());
        List<SigningKey> keys = signatures.keys();
        SigningKey old = keys.stream().filter(k -> k.keyId().equals(before.keyId())).findFirst().orElseThrow();
        assertThat(old.retiredAt()).isNotNull();
        assertThat(signatures.verifyToken(before.token()).outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(signatures.verifyToken(after.token()).outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(CertificateTokens.verify(CertificateTokens.parse(before.token()).orElseThrow(), next.publicKey()))
            .isFalse();
        mvc.perform(get("/verify"))
            .andExpect(content().string(containsString(before.keyId())))
            .andExpect(content().string(containsString(next.keyId())));
        // Only the province rotates.
        assertThatThrownBy(() -> asEvaluator(body.id(), () -> signatures.rotateKey()))
            .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void eachSeesTheCertificatesOfTheirScope() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR");
        long mine = person("吴小丽");
        long theirs = person("郑大力");
        Certificate own = issue(mine, OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        Certificate other = issue(theirs, OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        assertThat(asCity(JINAN, () -> certificates.get(own.id())).number()).isEqualTo(own.number());
        assertThatThrownBy(() -> asCity(QINGDAO, () -> certificates.get(own.id())))
            .isInstanceOf(RecordNotFoundException.class);
        assertThat(asCity(QINGDAO, () -> certificates.search(new CertificateFilter(own.number(), null, null), 0, 20))
            .items()).isEmpty();
        Body elsewhere = evaluationBody(JINAN, OCC, "JUNIOR");
        assertThatThrownBy(() -> asEvaluator(elsewhere.id(), () -> certificates.get(own.id())))
            .isInstanceOf(RecordNotFoundException.class);
        assertThat(asEvaluator(body.id(), () -> certificates.get(own.id())).id()).isEqualTo(own.id());
        assertThat(asTrainee(mine, () -> certificates.search(CertificateFilter.none(), 0, 50).items()))
            .extracting(Certificate::id)
            .containsExactly(own.id());
        assertThatThrownBy(() -> asTrainee(mine, () -> certificates.get(other.id())))
            .isInstanceOf(RecordNotFoundException.class);
        Cookie trainee = traineeCookie(mine);
        mvc.perform(get("/certification/my-certificates").cookie(trainee))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(own.number())))
            .andExpect(content().string(not(containsString(other.number()))));
        mvc.perform(get("/certification/certificates/" + other.id()).cookie(trainee)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/certificates/" + own.id()).cookie(jinan())).andExpect(status().isOk());
        // An evaluator of another body may not revoke.
        assertThatThrownBy(
                () -> asEvaluator(elsewhere.id(), () -> revocation.revoke(own.number(), RevocationReason.OTHER, "无权")))
            .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void pagesListShowAndDrawTheQrCode() throws Exception {
        Body body = evaluationBody(JINAN, OCC, "JUNIOR");
        Certificate c = issue(person("何小平"), OCC, "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        mvc.perform(get("/certification/certificates").param("q", "何小平").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(c.number())));
        mvc.perform(get("/certification/certificates/" + c.id()).cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"qr\"")))
            .andExpect(content().string(containsString("id=\"revoke\"")));
        mvc.perform(get("/certification/certificates/" + c.id()).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("id=\"revoke\""))));
        mvc.perform(get("/certification/certificates/" + c.id() + "/qr.svg").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/certification/certificates").cookie(admin()).param("lang", "en"))
            .andExpect(content().string(containsString("Skill-level certificates")));
    }

}
