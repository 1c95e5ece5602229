package com.salescadence.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A few owners as a table to join, {@code (values (:owner0), (:owner1), ...) t(owner_id)}, so that each owner's rows
 * are found by one index lookup with the owner and every other condition the index holds. With
 * {@code owner_id in (...)} H2 looks up each owner of the list by the owner alone and reads all of that owner's rows
 * (a first-line team's kept buckets: 3,301 rows read for none to 227 wanted at 1,000,000 deals; its orders: every won
 * deal of the team); PostgreSQL plans either form as index lookups per owner.
 */
final class OwnerValues {

    private OwnerValues() {
    }

    /** The table of these owners (column {@code owner_id}, alias {@code t}); their values are put into {@code params}. */
    static String table(List<String> owners, Map<String, Object> params) {
        return table(owners, List.of(), params);
    }

    /**
     * The table of these owners, each once per status when statuses are given (columns {@code owner_id, status}, alias
     * {@code t}): joined on both, an index on (owner, ..., status, ...) is looked up per owner and status.
     */
    static String table(List<String> owners, List<String> statuses, Map<String, Object> params) {
        return table(owners, statuses, params, "");
    }

    /**
     * {@link #table(List, List, Map)} with the statuses' parameters named after {@code prefix} (the owners' are shared), so
     * that one statement can join several such tables with different statuses.
     */
    static String table(List<String> owners, List<String> statuses, Map<String, Object> params, String prefix) {
        StringBuilder sql = new StringBuilder("(values ");
        for (int i = 0; i < owners.size(); i++) {
            params.put("owner" + i, owners.get(i));
            for (int s = 0; s < Math.max(1, statuses.size()); s++) {
                sql.append(i == 0 && s == 0 ? "" : ", ").append("(:owner").append(i);
                if (!statuses.isEmpty()) {
                    sql.append(", :").append(prefix).append("status").append(s);
                    params.put(prefix + "status" + s, statuses.get(s));
                }
                sql.append(')');
            }
        }
        return sql.append(statuses.isEmpty() ? ") t(owner_id)" : ") t(owner_id, status)").toString();
    }
}
