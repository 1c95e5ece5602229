package com.salescadence.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every few milliseconds on a daemon thread; the peak is the highest sample. */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        System.gc();
        peak = used();
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Peak used heap in MB. */
    double peakMb() {
        return Math.max(peak, used()) / 1024.0 / 1024.0;
    }

    static double maxMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1024.0 / 1024.0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
