package org.jixing.account;

/**
 * What an account may do, or who may use it, has changed: it was disabled, its role or
 * scope changed, its password was reset by an administrator, its second factor was reset,
 * or its owner signed out everywhere. Every session of the account ends and its API
 * tokens are looked up afresh, so nobody keeps acting under the old rights.
 */
public record AccountAccessChanged(long accountId, String username, Reason reason) {

    public enum Reason {

        DISABLED, ROLE_OR_SCOPE_CHANGED, PASSWORD_RESET, SECOND_FACTOR_RESET, SIGNED_OUT_EVERYWHERE

    }

}
