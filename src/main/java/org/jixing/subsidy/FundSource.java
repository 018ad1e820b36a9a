package org.jixing.subsidy;

import org.jixing.reference.Localized;

/** Where subsidy money comes from (a fund a budget and a rule are drawn on). */
public record FundSource(String code, String nameZh, String nameEn) implements Localized {
}
