package org.jixing.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.jixing.shared.Money;

/** One payment made back against a recovery. */
public record Repayment(Money amount, LocalDate paidOn, String reference, String recordedBy, Instant recordedAt) {
}
