package org.jixing.subsidy;

/** The bank account a provider's subsidy is paid into. */
public record Payee(long providerId, String accountName, String accountNo, String bankName) {
}
