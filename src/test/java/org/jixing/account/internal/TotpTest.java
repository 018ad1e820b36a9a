package org.jixing.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238, Appendix B: the SHA-1 seed and its eight-digit codes. */
    @ParameterizedTest
    @CsvSource({ "59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
            "2000000000,69279037", "20000000000,65353130" })
    void theCodesOfRfc6238AppendixB(long seconds, String expected) {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(seconds)), 8, "HmacSHA1")).isEqualTo(expected);
    }

    @Test
    void anAppsSixDigitCodeIsTheLastSixOfTheSameValue() {
        // The RFC's seed in base32, as an app would be given it.
        String secret = Totp.Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void aCodeCountsForOneStepEitherSideAndNeverTwice() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        String previous = Totp.code(secret, now.minusSeconds(30));
        String old = Totp.code(secret, now.minusSeconds(60));
        assertThat(Totp.match(secret, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.match(secret, Totp.code(secret, now.plusSeconds(30)), now, 0)).hasValue(step + 1);
        assertThat(Totp.match(secret, old, now, 0)).isEmpty();
        // Used once, the same code (or an earlier one) is refused.
        assertThat(Totp.match(secret, previous, now, step - 1)).isEmpty();
        assertThat(Totp.match(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.match(secret, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void base32RoundTrips() {
        byte[] bytes = { 0, 1, 2, (byte) 0xff, 42, 7, 9, 100, (byte) 0x80, 3 };
        assertThat(Totp.Base32.decode(Totp.Base32.encode(bytes))).isEqualTo(bytes);
    }

}
