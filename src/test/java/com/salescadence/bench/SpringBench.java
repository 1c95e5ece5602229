package com.salescadence.bench;

import java.time.LocalDateTime;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the weekly cycle's benchmarks share: the product's context without its job executor (the bench runs the jobs),
 * on {@link BenchDatabase}, and their sizes.
 */
@SpringBootTest(properties = {
        "cadence.weekly-commit.batch-size=${bench.batch:200}",
        "camunda.bpm.job-execution.enabled=false",
        "logging.level.org.camunda=warn",
        "logging.level.com.salescadence=warn",
        "spring.datasource.hikari.maximum-pool-size=8"})
@ActiveProfiles("test")
// closed after each bench: the next bench's context drops and creates the PostgreSQL database anew (and on H2 the
// finished bench's engine and caches leave the heap)
@DirtiesContext
abstract class SpringBench {

    static final int REPS = Integer.getInteger("bench.reps", 1000);
    static final int SPAN = Integer.getInteger("bench.span", 8);
    static final int BATCH = Integer.getInteger("bench.batch", 200);
    static final int THREADS = Integer.getInteger("bench.threads", 2);
    /** A Sunday far in the future: the submission timers (reminder, deadline) are due only when a bench moves the clock. */
    static final LocalDateTime SUNDAY = LocalDateTime.of(2030, 1, 6, 8, 0);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        BenchDatabase.register(registry);
    }
}
