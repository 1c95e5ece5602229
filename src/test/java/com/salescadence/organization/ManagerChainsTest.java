package com.salescadence.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-transaction chains: read once per person, the managers' own chains from the same read, dropped on a write,
 * each transaction's its own (an inner {@code REQUIRES_NEW} one too), run in real Spring transactions of a transaction
 * manager that holds no resource.
 */
class ManagerChainsTest {

    private final ManagerChains chains = new ManagerChains();
    private final List<String> reads = new ArrayList<>();
    private Map<String, List<String>> lines = Map.of("rep", List.of("mgr", "top"), "rep2", List.of("mgr", "top"));

    private final Function<String, ManagerChains.Read> read = id -> {
        reads.add(id);
        return new ManagerChains.Read(lines.getOrDefault(id, List.of()), true);
    };

    private final TransactionTemplate transaction = new TransactionTemplate(new PlainTransactions());
    private final TransactionTemplate newTransaction = new TransactionTemplate(new PlainTransactions());

    ManagerChainsTest() {
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Test
    void outside_a_transaction_every_call_reads() {
        assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
        assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
        assertThat(reads).containsExactly("rep", "rep");
    }

    @Test
    void in_a_transaction_a_chain_is_read_once_and_gives_the_managers_theirs() {
        transaction.executeWithoutResult(status -> {
            assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
            assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
            assertThat(chains.get("mgr", read)).containsExactly("top");
            assertThat(chains.get("top", read)).isEmpty();
            assertThat(reads).containsExactly("rep");
            assertThat(chains.get("rep2", read)).containsExactly("mgr", "top");
            assertThat(reads).containsExactly("rep", "rep2");
        });
    }

    @Test
    void what_a_transaction_kept_ends_with_it() {
        transaction.executeWithoutResult(status -> chains.get("rep", read));
        transaction.executeWithoutResult(status -> chains.get("rep", read));
        assertThat(reads).containsExactly("rep", "rep");
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    @Test
    void a_write_to_a_person_drops_what_was_kept() {
        transaction.executeWithoutResult(status -> {
            assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
            lines = Map.of("rep", List.of("other", "top"));
            chains.changed();
            assertThat(chains.get("rep", read)).containsExactly("other", "top");
            assertThat(chains.get("mgr", read)).isEmpty(); // read again, not the suffix kept before the write
            assertThat(reads).containsExactly("rep", "rep", "mgr");
        });
    }

    @Test
    void a_transaction_started_inside_another_keeps_its_own_and_the_outer_one_gets_its_own_back() {
        transaction.executeWithoutResult(outer -> {
            chains.get("rep", read);
            newTransaction.executeWithoutResult(inner -> {
                chains.get("rep", read);
                chains.get("rep", read);
            });
            chains.get("rep", read);
        });
        assertThat(reads).containsExactly("rep", "rep");
    }

    @Test
    void a_write_in_another_transaction_drops_this_ones_chains_at_the_next_look_up() {
        transaction.executeWithoutResult(outer -> {
            chains.get("rep", read);
            newTransaction.executeWithoutResult(inner -> {
                lines = Map.of("rep", List.of("other", "top"));
                chains.changed();
                assertThat(chains.get("rep", read)).containsExactly("other", "top");
            });
            assertThat(chains.get("rep", read)).containsExactly("other", "top");
        });
        assertThat(reads).containsExactly("rep", "rep", "rep");
    }

    @Test
    void a_look_up_does_not_go_through_the_transactions_other_synchronizations() {
        AtomicInteger asked = new AtomicInteger();
        transaction.executeWithoutResult(status -> {
            // as the engine registers its listeners with every command of an import's one transaction
            for (int i = 0; i < 1_000; i++) {
                TransactionSynchronizationManager.registerSynchronization(new Listener(asked, i));
            }
            for (int i = 0; i < 100; i++) {
                chains.get("rep", read);
            }
            // Spring copies and sorts every synchronization when they are listed, asking each for its order
            assertThat(asked.get()).as("orders asked of the other synchronizations").isZero();
        });
        assertThat(reads).containsExactly("rep");
    }

    @Test
    void a_chain_cut_off_or_looping_gives_no_manager_a_chain() {
        transaction.executeWithoutResult(status -> {
            Function<String, ManagerChains.Read> cut = id -> {
                reads.add(id);
                return new ManagerChains.Read(id.equals("rep") ? List.of("mgr", "top") : List.of("x"), false);
            };
            chains.get("rep", cut);
            assertThat(chains.get("mgr", cut)).containsExactly("x");
            Function<String, ManagerChains.Read> loop = id -> {
                reads.add(id);
                return new ManagerChains.Read(id.equals("c") ? List.of("b", "a", "b") : List.of("y"), true);
            };
            chains.get("c", loop);
            assertThat(chains.get("b", loop)).containsExactly("y");
        });
        assertThat(reads).containsExactly("rep", "mgr", "c", "b");
    }

    /** Another synchronization of the transaction, counting how often its order is asked. */
    private record Listener(AtomicInteger asked, int order) implements TransactionSynchronization, Ordered {
        @Override
        public int getOrder() {
            asked.incrementAndGet();
            return order;
        }
    }

    /** Real Spring transactions (synchronizations, suspension, completion) around no resource at all. */
    private static final class PlainTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new boolean[] {TransactionSynchronizationManager.isActualTransactionActive()};
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((boolean[]) transaction)[0];
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected Object doSuspend(Object transaction) {
            return Boolean.TRUE;
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
