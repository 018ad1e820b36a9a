package org.jixing.certification;

/** Masks a holder's name for public pages and the QR token. */
public final class HolderNames {

    private HolderNames() {
    }

    /**
     * 张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明; a Latin name keeps its first and last letter.
     */
    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return b.append('*').toString();
        }
        b.append("*".repeat(cps.length - 2));
        return b.appendCodePoint(cps[cps.length - 1]).toString();
    }

}
