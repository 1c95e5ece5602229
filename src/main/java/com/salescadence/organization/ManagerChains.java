package com.salescadence.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The managers above each person ({@link OrganizationService#managersAbove}), kept for the rest of the current
 * transaction: one engine command asks for the same chain several times (a missed report's escalation and the read
 * grants of its chase task; the managers' grants of every task an import creates for the same owner), and each answer
 * is a recursive query. Outside a transaction nothing is kept.
 *
 * <p>Any write to {@code person} ({@link PersonRepository}'s insert, update, deactivate) drops what every transaction
 * kept, this one's at once and another's at its next look-up: a person moved to another manager in the same
 * transaction is answered with the new chain. The cache is a resource of the transaction it belongs to, bound to this
 * component and found by one map look-up (not by walking the transaction's synchronizations, which Spring copies and
 * sorts on every call: an import's one transaction registers tens of thousands, the engine's listeners of every
 * command). Its synchronization unbinds it when the transaction completes or is suspended, so a transaction started
 * inside it ({@code REQUIRES_NEW}) keeps its own, and binds it again when the outer one resumes.
 */
@Component
class ManagerChains {

    /** Counts writes to people, in any thread and transaction: a cache kept before the last write is dropped. */
    private final AtomicLong writes = new AtomicLong();

    /** The chain of {@code personId}: kept in this transaction, else {@code read} and kept with what it implies. */
    List<String> get(String personId, Function<String, Read> read) {
        Kept kept = current();
        if (kept == null) {
            return read.apply(personId).chain();
        }
        List<String> chain = kept.chains.get(personId);
        if (chain != null) {
            return chain;
        }
        Read answer = read.apply(personId);
        chain = List.copyOf(answer.chain());
        kept.chains.put(personId, chain);
        if (answer.complete() && chain.stream().distinct().count() == chain.size()) {
            // the query read the whole chain up (no cut-off, no loop): each manager's own chain is the rest of it
            for (int i = 0; i < chain.size(); i++) {
                kept.chains.putIfAbsent(chain.get(i), chain.subList(i + 1, chain.size()));
            }
        }
        return chain;
    }

    /** A person was added, changed or deactivated: nothing kept before holds any longer. */
    void changed() {
        writes.incrementAndGet();
        Kept kept = find();
        if (kept != null) {
            kept.chains.clear();
            kept.writes = writes.get();
        }
    }

    private Kept current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Kept kept = find();
        if (kept == null) {
            kept = new Kept(this, writes.get());
            TransactionSynchronizationManager.bindResource(this, kept);
            TransactionSynchronizationManager.registerSynchronization(kept);
        } else if (kept.writes != writes.get()) {
            kept.chains.clear();
            kept.writes = writes.get();
        }
        return kept;
    }

    private Kept find() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return (Kept) TransactionSynchronizationManager.getResource(this);
    }

    /**
     * What one query answered.
     *
     * @param complete whether it read the chain to its end (not cut off at the query's depth)
     */
    record Read(List<String> chain, boolean complete) {
    }

    /** One transaction's chains, bound to their owner while the transaction runs; they end with it. */
    private static final class Kept implements TransactionSynchronization {
        final ManagerChains owner;
        final Map<String, List<String>> chains = new HashMap<>();
        long writes;

        Kept(ManagerChains owner, long writes) {
            this.owner = owner;
            this.writes = writes;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(owner, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }
    }
}
