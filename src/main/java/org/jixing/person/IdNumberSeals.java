package org.jixing.person;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jixing.person.internal.PersonStore;
import org.jixing.person.internal.PersonalDataCipher;
import org.jixing.shared.ResidentIdNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ID numbers sealed as the registry seals trainees' (encrypted, with a blind index), for
 * other modules that keep or receive ID numbers of their own and must find equal numbers
 * without reading clear ones: training's teachers, employment's contribution files.
 */
@Service
public class IdNumberSeals {

    private static final ZoneId CHINA = People.CHINA;

    private final PersonStore store;

    private final PersonalDataCipher cipher;

    private final Clock clock;

    IdNumberSeals(PersonStore store, PersonalDataCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Seals a valid ID number as trainees' are sealed, for another module that keeps ID
     * numbers of its own people (training's teachers) and must find equal numbers across
     * its records: empty when the number is not a valid resident ID number. Changes
     * nothing.
     */
    public Optional<SealedIdNumber> sealIdNumber(String raw) {
        if (raw == null || RegistrationRules.idNumberProblem("idNumber", raw, LocalDate.now(clock.withZone(CHINA)))
            .isPresent()) {
            return Optional.empty();
        }
        String number = ResidentIdNumbers.normalize(raw);
        return Optional.of(new SealedIdNumber(cipher.encrypt(number), cipher.index(number)));
    }

    /**
     * The blind index of an ID number as the registry indexes trainees' (normalised
     * first), for another module that matches records it receives by ID number (the
     * social-insurance contribution files) against people it follows, without keeping or
     * reading clear numbers. The caller checks the number first. Changes nothing.
     */
    public String idNumberIndex(String raw) {
        return cipher.index(ResidentIdNumbers.normalize(raw));
    }

    /**
     * The blind index of each of these people's ID numbers, by person id (unscoped, for
     * the matching of another module's records, see {@link #idNumberIndex}).
     */
    @Transactional(readOnly = true)
    public Map<Long, String> idNumberIndexes(Collection<Long> personIds) {
        return personIds.isEmpty() ? Map.of() : store.indexesById(personIds);
    }

}
