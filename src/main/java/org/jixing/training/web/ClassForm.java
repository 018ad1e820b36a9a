package org.jixing.training.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.jixing.training.ClassApplication;
import org.jixing.training.ClassType;
import org.jixing.training.PlannedSession;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The opening form. Sessions are planned as a weekly pattern (which weekdays, one or two
 * time slots a day, one teacher), which is how providers plan them; the API takes each
 * session explicitly.
 */
public class ClassForm {

    private Long programmeId;

    private ClassType classType = ClassType.REGULAR;

    private String employerName;

    private String employerCreditCode;

    private boolean subsidised = true;

    private String venueAddress;

    private BigDecimal venueLat;

    private BigDecimal venueLng;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;

    private Integer capacity;

    private List<DayOfWeek> weekdays = new ArrayList<>(
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));

    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime morningFrom = LocalTime.of(9, 0);

    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime morningTo = LocalTime.of(12, 0);

    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime afternoonFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime afternoonTo;

    private Long teacherId;

    ClassApplication toApplication() {
        return new ClassApplication(null, programmeId, classType, employerName, employerCreditCode, subsidised,
                venueAddress, venueLat, venueLng, startDate, endDate, capacity, sessions());
    }

    /** Expands the weekly pattern over the class dates (at most a year of days). */
    List<PlannedSession> sessions() {
        List<PlannedSession> sessions = new ArrayList<>();
        if (startDate == null || endDate == null || endDate.isBefore(startDate)
                || endDate.isAfter(startDate.plusDays(366))) {
            return sessions;
        }
        for (LocalDate d = startDate; !d.isAfter(endDate); d = d.plusDays(1)) {
            if (!weekdays.contains(d.getDayOfWeek())) {
                continue;
            }
            if (morningFrom != null && morningTo != null) {
                sessions.add(new PlannedSession(d.atTime(morningFrom), d.atTime(morningTo), teacherId, null));
            }
            if (afternoonFrom != null && afternoonTo != null) {
                sessions.add(new PlannedSession(d.atTime(afternoonFrom), d.atTime(afternoonTo), teacherId, null));
            }
        }
        return sessions;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public void setProgrammeId(Long programmeId) {
        this.programmeId = programmeId;
    }

    public ClassType getClassType() {
        return classType;
    }

    public void setClassType(ClassType classType) {
        this.classType = classType;
    }

    public String getEmployerName() {
        return employerName;
    }

    public void setEmployerName(String employerName) {
        this.employerName = employerName;
    }

    public String getEmployerCreditCode() {
        return employerCreditCode;
    }

    public void setEmployerCreditCode(String employerCreditCode) {
        this.employerCreditCode = employerCreditCode;
    }

    public boolean isSubsidised() {
        return subsidised;
    }

    public void setSubsidised(boolean subsidised) {
        this.subsidised = subsidised;
    }

    public String getVenueAddress() {
        return venueAddress;
    }

    public void setVenueAddress(String venueAddress) {
        this.venueAddress = venueAddress;
    }

    public BigDecimal getVenueLat() {
        return venueLat;
    }

    public void setVenueLat(BigDecimal venueLat) {
        this.venueLat = venueLat;
    }

    public BigDecimal getVenueLng() {
        return venueLng;
    }

    public void setVenueLng(BigDecimal venueLng) {
        this.venueLng = venueLng;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public List<DayOfWeek> getWeekdays() {
        return weekdays;
    }

    public void setWeekdays(List<DayOfWeek> weekdays) {
        this.weekdays = weekdays;
    }

    public LocalTime getMorningFrom() {
        return morningFrom;
    }

    public void setMorningFrom(LocalTime morningFrom) {
        this.morningFrom = morningFrom;
    }

    public LocalTime getMorningTo() {
        return morningTo;
    }

    public void setMorningTo(LocalTime morningTo) {
        this.morningTo = morningTo;
    }

    public LocalTime getAfternoonFrom() {
        return afternoonFrom;
    }

    public void setAfternoonFrom(LocalTime afternoonFrom) {
        this.afternoonFrom = afternoonFrom;
    }

    public LocalTime getAfternoonTo() {
        return afternoonTo;
    }

    public void setAfternoonTo(LocalTime afternoonTo) {
        this.afternoonTo = afternoonTo;
    }

    public Long getTeacherId() {
        return teacherId;
    }

    public void setTeacherId(Long teacherId) {
        this.teacherId = teacherId;
    }

}
