package com.salescadence.meeting;

/** A meeting's title in both languages: "1:1 meeting Meng Manager – Ren Rep (2026-W49)". */
public record MeetingTitle(String en, String zh) {

    public static MeetingTitle of(MeetingKind kind, String owner, String subject, String weekKey) {
        String people = subject == null ? owner : owner + " – " + subject;
        String en = Character.toUpperCase(kind.en().charAt(0)) + kind.en().substring(1) + " " + people + " (" + weekKey + ")";
        String zh = kind.zh() + " " + people + "（" + weekKey + "）";
        return new MeetingTitle(en, zh);
    }
}
