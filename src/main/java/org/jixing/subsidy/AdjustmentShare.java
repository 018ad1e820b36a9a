package org.jixing.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jixing.shared.Money;

/**
 * How much of a claim the trainee-group adjustments make, and how much of that rests only
 * on the provider's declaration: the lines a group raised above the standard
 * ({@code adjustedLines}) and the money above the standard they add ({@code adjustment});
 * of those, the ones whose group only the provider declared ({@code declaredLines},
 * {@code declared}), and their shares in percent (one decimal).
 */
public record AdjustmentShare(int adjustedLines, int declaredLines, Money adjustment, Money declared,
        BigDecimal declaredLinesPercent, BigDecimal declaredMoneyPercent) {

    public static final AdjustmentShare NONE = of(0, 0, 0, 0);

    public static AdjustmentShare of(int adjustedLines, int declaredLines, long adjustmentFen, long declaredFen) {
        return new AdjustmentShare(adjustedLines, declaredLines, Money.ofFen(adjustmentFen), Money.ofFen(declaredFen),
                percent(declaredLines, adjustedLines), percent(declaredFen, adjustmentFen));
    }

    /** The share of the lines given. */
    public static AdjustmentShare of(List<ClaimLine> lines) {
        int adjusted = 0;
        int declared = 0;
        long adjustment = 0;
        long declaredFen = 0;
        for (ClaimLine l : lines) {
            if (l.adjusted()) {
                adjusted++;
                adjustment += l.adjustment().fen();
                if (l.declaredOnly()) {
                    declared++;
                    declaredFen += l.adjustment().fen();
                }
            }
        }
        return of(adjusted, declared, adjustment, declaredFen);
    }

    /** Whether any adjustment rests only on the provider's declaration. */
    public boolean anyDeclared() {
        return declaredLines > 0;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

}
