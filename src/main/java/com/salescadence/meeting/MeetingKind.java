package com.salescadence.meeting;

/**
 * The meetings of the rhythm (docs/domain.md section 2.6, from the CRM vendor's guide): who holds them, their
 * names in both languages, the agenda's sections in order and the prefix of their calendar uid.
 */
public enum MeetingKind {
    ONE_ON_ONE("one-on-one", "1:1 meeting", "一对一会议", AgendaSection.RESULTS, AgendaSection.PIPELINE_HEALTH,
            AgendaSection.KEY_DEALS, AgendaSection.OPEN_ACTIONS),
    TEAM("team-meeting", "team meeting", "团队会议", AgendaSection.RESULTS, AgendaSection.WIN_STORY,
            AgendaSection.PIPELINE_HEALTH, AgendaSection.OPEN_ACTIONS),
    BUSINESS("business-meeting", "monthly business meeting", "月度业务会议", AgendaSection.RESULTS,
            AgendaSection.PIPELINE_HEALTH, AgendaSection.KEY_DEALS, AgendaSection.OPEN_ACTIONS),
    QBR("qbr", "quarterly business review", "季度业务评审会", AgendaSection.RESULTS, AgendaSection.QUARTERLY_REVIEWS,
            AgendaSection.PIPELINE_HEALTH, AgendaSection.OPEN_ACTIONS),
    KICKOFF("kickoff", "yearly kick-off", "年度启动会", AgendaSection.RESULTS, AgendaSection.PIPELINE_HEALTH,
            AgendaSection.OPEN_ACTIONS);

    private final String uidPrefix;
    private final String en;
    private final String zh;
    private final java.util.List<AgendaSection> agenda;

    MeetingKind(String uidPrefix, String en, String zh, AgendaSection... agenda) {
        this.uidPrefix = uidPrefix;
        this.en = en;
        this.zh = zh;
        this.agenda = java.util.List.of(agenda);
    }

    public String uidPrefix() {
        return uidPrefix;
    }

    public String en() {
        return en;
    }

    public String zh() {
        return zh;
    }

    /** The agenda's sections, in the order the meeting takes them. */
    public java.util.List<AgendaSection> agenda() {
        return agenda;
    }

    /** The sections an agenda can have, with their headings in both languages. */
    public enum AgendaSection {
        RESULTS("Results (quarter to date against quota)", "业绩（本季度至今对比配额）"),
        PIPELINE_HEALTH("Pipeline health: coverage, stuck deals, what changed since last week", "商机健康度：覆盖率、停滞商机、上周以来的变化"),
        KEY_DEALS("Key deals", "重点商机"),
        WIN_STORY("Win story: a deal won since the last meeting", "赢单故事：上次会议以来赢得的商机"),
        QUARTERLY_REVIEWS("Quarterly reviews of the team", "团队的季度业务评审"),
        OPEN_ACTIONS("Open actions from earlier meetings", "以往会议的未完成待办");

        private final String en;
        private final String zh;

        AgendaSection(String en, String zh) {
            this.en = en;
            this.zh = zh;
        }

        public String en() {
            return en;
        }

        public String zh() {
            return zh;
        }
    }
}
