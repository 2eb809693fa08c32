package vn.gov.thidua.benchmark;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Works through a list with a fixed number of concurrent clients; the first failure fails the whole run. */
final class Parallel {

    private Parallel() {
    }

    static <T> void run(int clients, List<T> items, Consumer<T> work) throws Exception {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    for (T item = queue.poll(); item != null; item = queue.poll()) {
                        work.accept(item);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
