package com.salescadence.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The per-transaction chains: read once per person, the managers' own chains from the same read, dropped on a write. */
class ManagerChainsTest {

    private final ManagerChains chains = new ManagerChains();
    private final List<String> reads = new ArrayList<>();
    private Map<String, List<String>> lines = Map.of("rep", List.of("mgr", "top"), "rep2", List.of("mgr", "top"));

    private final Function<String, ManagerChains.Read> read = id -> {
        reads.add(id);
        return new ManagerChains.Read(lines.getOrDefault(id, List.of()), true);
    };

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outside_a_transaction_every_call_reads() {
        assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
        assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
        assertThat(reads).containsExactly("rep", "rep");
    }

    @Test
    void in_a_transaction_a_chain_is_read_once_and_gives_the_managers_theirs() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
        assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
        assertThat(chains.get("mgr", read)).containsExactly("top");
        assertThat(chains.get("top", read)).isEmpty();
        assertThat(reads).containsExactly("rep");
        assertThat(chains.get("rep2", read)).containsExactly("mgr", "top");
        assertThat(reads).containsExactly("rep", "rep2");
    }

    @Test
    void a_write_to_a_person_drops_what_was_kept() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(chains.get("rep", read)).containsExactly("mgr", "top");
        lines = Map.of("rep", List.of("other", "top"));
        chains.changed();
        assertThat(chains.get("rep", read)).containsExactly("other", "top");
        assertThat(chains.get("mgr", read)).isEmpty(); // read again, not the suffix kept before the write
        assertThat(reads).containsExactly("rep", "rep", "mgr");
    }

    @Test
    void a_write_in_another_transaction_drops_this_ones_chains_at_the_next_look_up() {
        TransactionSynchronizationManager.initSynchronization();
        chains.get("rep", read);
        var suspended = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization(); // as REQUIRES_NEW suspends them
        TransactionSynchronizationManager.initSynchronization();
        lines = Map.of("rep", List.of("other", "top"));
        chains.changed();
        assertThat(chains.get("rep", read)).containsExactly("other", "top");
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        suspended.forEach(TransactionSynchronizationManager::registerSynchronization); // resumed
        assertThat(chains.get("rep", read)).containsExactly("other", "top");
        assertThat(reads).containsExactly("rep", "rep", "rep");
    }

    @Test
    void a_chain_cut_off_or_looping_gives_no_manager_a_chain() {
        TransactionSynchronizationManager.initSynchronization();
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
        assertThat(reads).containsExactly("rep", "mgr", "c", "b");
    }
}
