package org.jixing.person;

/**
 * An ID number sealed as the person registry seals trainees': encrypted (a fresh nonce
 * each time) and its blind index, equal for equal numbers, to find one person across
 * records without decrypting.
 */
public record SealedIdNumber(String cipher, String index) {

    @Override
    public String toString() {
        return "SealedIdNumber[" + index.substring(0, Math.min(8, index.length())) + "…]";
    }

}
