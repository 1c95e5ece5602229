package com.salescadence.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up work that every node of a cluster does on the one database (deploy the models, create Camunda
 * groups and grants, keep users in step, create the first administrator or the shared filters) runs under
 * one row lock (table startup_lock), in one transaction: when two nodes start at once, the second waits,
 * then sees what the first created. Camunda's own engine calls join the transaction. (Camunda's deployment
 * lock would serialise deployments on PostgreSQL, but the engine skips it on H2; this lock holds on both.)
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    StartupLock(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    public <T> T call(java.util.function.Supplier<T> work) {
        return transaction.execute(status -> {
            jdbc.sql("select name from startup_lock where name = 'startup' for update").query(String.class).single();
            return work.get();
        });
    }
}
