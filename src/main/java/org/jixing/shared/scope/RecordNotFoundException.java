package org.jixing.shared.scope;

/**
 * A record that does not exist or lies outside the user's scope: both answer 404, so a
 * user cannot tell which, and learns nothing about other regions' or providers' records.
 */
public class RecordNotFoundException extends RuntimeException {

    private final String recordType;

    private final String recordId;

    public RecordNotFoundException(String recordType, Object recordId) {
        super(recordType + " " + recordId + " not found");
        this.recordType = recordType;
        this.recordId = String.valueOf(recordId);
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

}
