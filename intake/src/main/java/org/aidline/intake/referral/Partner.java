package org.aidline.intake.referral;

/** A department or charity cases are referred to, and how it is reached: a signed webhook, or by hand. */
public record Partner(String code, String name, String nameZh, Kind kind, Channel channel) {

    public enum Kind {
        DEPARTMENT,
        CHARITY
    }

    public enum Channel {
        /** The referral is POSTed to the partner's webhook, signed with HMAC-SHA256. */
        WEBHOOK,
        /** Staff hand it over (letter, phone, the partner's own system); it is followed the same way. */
        MANUAL
    }
}
