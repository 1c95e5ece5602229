package com.salescadence.pipeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a person's current pipeline data to someone else (people administration: a leaver, a move). Only
 * what is still open moves: won and lost deals, disqualified or converted leads stay with the person who
 * worked them, so their history stays theirs.
 */
@Service
@Transactional
public class DealHandover {

    private final JdbcClient jdbc;
    private final KeptFigures figures;

    DealHandover(JdbcClient jdbc, KeptFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    /** What a handover moved. */
    public record Moved(int openDeals, int openLeads, int accounts, int contacts) {
    }

    /** Gives a leaver's open deals and leads, accounts and contacts to {@code successorId}. */
    public Moved handOverOwnership(String fromId, String successorId) {
        int deals = figures.changeWhere("owner_id = ? and status = 'OPEN'", new Object[] {fromId}, ids -> {
            int moved = 0;
            for (int i = 0; i < ids.size(); i += 1_000) {
                moved += jdbc.sql("update opportunity set owner_id = :to where id in (:ids)").param("to", successorId)
                        .param("ids", ids.subList(i, Math.min(ids.size(), i + 1_000))).update();
            }
            return moved;
        });
        int leads = jdbc.sql("update lead set owner_id = ? where owner_id = ? and status = 'OPEN'")
                .params(successorId, fromId).update();
        int accounts = jdbc.sql("update account set owner_id = ? where owner_id = ?").params(successorId, fromId).update();
        int contacts = jdbc.sql("update contact set owner_id = ? where owner_id = ?").params(successorId, fromId).update();
        return new Moved(deals, leads, accounts, contacts);
    }

    /**
     * The pending stage-advance approvals of {@code ownerId}'s deals that wait for {@code fromApproverId} now wait
     * for {@code toApproverId}; answers how many.
     */
    public int handOverPendingApprovals(String ownerId, String fromApproverId, String toApproverId) {
        return jdbc.sql("""
                update advance_request set approver_id = ?
                where status = 'PENDING' and approver_id = ?
                  and opportunity_id in (select id from opportunity where owner_id = ?)""")
                .params(toApproverId, fromApproverId, ownerId).update();
    }

    /** Pending approvals waiting for a leaver go to their successor. */
    public int handOverAllPendingApprovals(String fromApproverId, String toApproverId) {
        return jdbc.sql("update advance_request set approver_id = ? where status = 'PENDING' and approver_id = ?")
                .params(toApproverId, fromApproverId).update();
    }
}
