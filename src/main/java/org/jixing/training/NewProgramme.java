package org.jixing.training;

/** What the province sets when it adds a programme to the catalogue. */
public record NewProgramme(String code, String nameZh, String nameEn, String occupationCode, String levelCode,
        Integer hours, DeliveryMode deliveryMode, String subTargetCode) {
}
