package org.jixing.person;

/** What it takes to register a trainee. */
public record NewPerson(String idNumber, String name, String phone, String regionCode) {

    @Override
    public String toString() {
        // Never print the numbers.
        return "NewPerson[" + name + "]";
    }

}
