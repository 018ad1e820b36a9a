package org.jixing.audit.internal;

import org.jixing.audit.AuditVerification;
import org.jixing.audit.Checkpoint;
import org.jixing.audit.VerificationResult;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar jixing.jar --jixing.audit.verify=true} (or
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--jixing.audit.verify=true})
 * checks the whole chain without starting the web server, prints the result and exits
 * with 0 when the chain is intact and 1 when it is broken.
 */
@Component
@ConditionalOnProperty(name = "jixing.audit.verify", havingValue = "true")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditVerification verification;

    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditVerification verification, ConfigurableApplicationContext context) {
        this.verification = verification;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        VerificationResult result = verification.verify();
        System.out.println(describe(result));
        int code = exitCode(result);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    static int exitCode(VerificationResult result) {
        return result.intact() ? 0 : 1;
    }

    static String describe(VerificationResult result) {
        Checkpoint c = result.checkpoint();
        String checkpoint = c == null ? ""
                : " Checkpoint: line " + c.line() + " of the checkpoint file, entry " + c.seq() + " at " + c.at() + ".";
        if (result.intact()) {
            return "Audit trail intact: " + result.checked() + " entries checked."
                    + (c == null ? " No checkpoint of this trail yet." : checkpoint);
        }
        return "Audit trail BROKEN at entry " + result.brokenAt() + " (" + result.problem() + ") after "
                + result.checked() + " intact entries." + checkpoint;
    }

}
