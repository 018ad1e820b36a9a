package org.jixing.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact amount of renminbi in fen (1/100 yuan). No floating point near money. */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Parses a yuan amount such as "1200" or "1200.50"; more than two decimals is
     * refused.
     */
    public static Money ofYuan(String yuan) {
        BigDecimal value = new BigDecimal(yuan.trim());
        try {
            return new Money(value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        }
        catch (ArithmeticException ex) {
            throw new IllegalArgumentException("amount has more than two decimals or is too large: " + yuan, ex);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    /** The amount in yuan with two decimals, e.g. "1200.50". */
    public String toYuanString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return "¥" + toYuanString();
    }
}
