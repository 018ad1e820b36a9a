package org.jixing.training;

/** A teacher of a provider, known province-wide by a qualification number. */
public record Teacher(long id, long providerId, String name, String qualificationNo) {
}
