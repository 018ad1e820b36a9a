package org.jixing.enterprise;

/** What it takes to register an enterprise. */
public record NewEnterprise(String creditCode, String name, String regionCode) {
}
