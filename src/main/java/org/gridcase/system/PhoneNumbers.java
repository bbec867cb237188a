package org.gridcase.system;

/** How a phone number looks to someone who may not call it: one format for reporters' and staff numbers. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** 13991200109 → 139****0109; a landline keeps its area code and last four digits; short ones are hidden. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 8) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
