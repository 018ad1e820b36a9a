package org.jixing.provider.web;

import java.util.ArrayList;
import java.util.List;

import org.jixing.provider.BodyKind;
import org.jixing.provider.FilingApplication;
import org.jixing.provider.Permit;

/**
 * The registration form. Permits are chosen as occupations times levels: a body is
 * usually filed for a few occupations, each at the same range of levels.
 */
public class FilingForm {

    private BodyKind kind;

    private String name;

    private String creditCode;

    private String regionCode;

    private String address;

    private String legalRepresentative;

    private String contactName;

    private String contactPhone;

    private Integer capacity;

    private boolean skillMasterStudio;

    private List<String> occupations = new ArrayList<>();

    private List<String> levels = new ArrayList<>();

    FilingApplication toApplication() {
        List<Permit> permits = new ArrayList<>();
        for (String o : occupations) {
            for (String l : levels) {
                permits.add(new Permit(o, l));
            }
        }
        return new FilingApplication(kind, name, creditCode, regionCode, address, legalRepresentative, contactName,
                contactPhone, capacity, skillMasterStudio, null, permits);
    }

    public BodyKind getKind() {
        return kind;
    }

    public void setKind(BodyKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public void setLegalRepresentative(String legalRepresentative) {
        this.legalRepresentative = legalRepresentative;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public boolean isSkillMasterStudio() {
        return skillMasterStudio;
    }

    public void setSkillMasterStudio(boolean skillMasterStudio) {
        this.skillMasterStudio = skillMasterStudio;
    }

    public List<String> getOccupations() {
        return occupations;
    }

    public void setOccupations(List<String> occupations) {
        this.occupations = occupations;
    }

    public List<String> getLevels() {
        return levels;
    }

    public void setLevels(List<String> levels) {
        this.levels = levels;
    }

}
