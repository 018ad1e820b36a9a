package org.jixing.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecondFactorSecretsTest {

    static final String KEY = "c2Vjb25kLWZhY3Rvci10ZXN0LWtleS0zMi1ieXRlcyE=";

    @Test
    void aSecretIsSealedWithAFreshNonceAndOpensAgain() {
        var secrets = new SecondFactorSecrets(KEY);
        String secret = Totp.newSecret();
        String a = secrets.seal(secret);
        String b = secrets.seal(secret);
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain(secret);
        assertThat(secrets.open(a)).isEqualTo(secret);
        assertThat(secrets.open(b)).isEqualTo(secret);
    }

    @Test
    void withoutAKeySecretsStayAsTheyAreAndOldPlainSecretsStillOpenWithOne() {
        String secret = Totp.newSecret();
        assertThat(new SecondFactorSecrets("").seal(secret)).isEqualTo(secret);
        assertThat(new SecondFactorSecrets(KEY).open(secret)).isEqualTo(secret);
    }

    @Test
    void anotherKeyOpensNothing() {
        String sealed = new SecondFactorSecrets(KEY).seal(Totp.newSecret());
        var other = new SecondFactorSecrets("b3RoZXIta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXMhISE=");
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecondFactorSecrets("").open(sealed)).isInstanceOf(IllegalStateException.class);
    }

}
