package org.jixing.audit.internal;

import org.jixing.audit.VerificationResult;

/** Lets tests outside the package check the command's exit code for a result. */
public final class AuditVerifyCommandAccess {

    private AuditVerifyCommandAccess() {
    }

    public static int exitCode(VerificationResult result) {
        return AuditVerifyCommand.exitCode(result);
    }

    public static String describe(VerificationResult result) {
        return AuditVerifyCommand.describe(result);
    }

}
