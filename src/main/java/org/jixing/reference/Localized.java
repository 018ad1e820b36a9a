package org.jixing.reference;

import java.util.Locale;

/** Something with a Chinese and an English name; pages call {@code name(locale)}. */
public interface Localized {

    String nameZh();

    String nameEn();

    default String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn() != null && !nameEn().isBlank() ? nameEn()
                : nameZh();
    }

}
