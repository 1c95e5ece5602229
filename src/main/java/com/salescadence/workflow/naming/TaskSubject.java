package com.salescadence.workflow.naming;

/**
 * What a user task is about, read from the product's tables by the ids in its process: the parts a task
 * name may show. Texts that differ by language come as {@link Text} (English and Chinese); a part that does
 * not apply is null.
 *
 * @param about  the deal ("Xinhua Bookstores – Warehouse automation, 449,000"), the lead, or the account
 * @param stage  a stage of the stage model (the stage being worked, or the one an approval advances to)
 * @param person the person the task is about (the rep of an approval, the person a chase is for)
 * @param team   the manager whose team the task is about
 * @param period the week, month, quarter or year
 * @param number a number the task names (an invoice)
 */
public record TaskSubject(String about, Text stage, String person, String team, Text period, String number) {

    /** A text in English and Simplified Chinese. */
    public record Text(String en, String zh) {

        public static Text same(String text) {
            return new Text(text, text);
        }

        public String in(Language language) {
            return language == Language.ZH ? zh : en;
        }
    }

    public static TaskSubject none() {
        return new TaskSubject(null, null, null, null, null, null);
    }

    public TaskSubject withAbout(String value) {
        return new TaskSubject(value, stage, person, team, period, number);
    }

    public TaskSubject withStage(Text value) {
        return new TaskSubject(about, value, person, team, period, number);
    }

    public TaskSubject withPerson(String value) {
        return new TaskSubject(about, stage, value, team, period, number);
    }

    public TaskSubject withTeam(String value) {
        return new TaskSubject(about, stage, person, value, period, number);
    }

    public TaskSubject withPeriod(Text value) {
        return new TaskSubject(about, stage, person, team, value, number);
    }

    public TaskSubject withNumber(String value) {
        return new TaskSubject(about, stage, person, team, period, value);
    }
}
