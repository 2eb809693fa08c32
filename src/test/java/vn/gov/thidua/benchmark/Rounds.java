package vn.gov.thidua.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One figure measured once per round of the benchmark: the median is the figure, the lowest and highest say how far
 * the rounds were apart (a shared 2-core machine varies from one minute to the next; issue #23 asks for the median of
 * at least 3 rounds, printed with its range).
 */
final class Rounds {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    /** The round just measured, for the log. */
    double last() {
        return values.get(values.size() - 1);
    }

    /** The middle value; of an even number of rounds, the mean of the two middle ones. */
    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(values.size() - 1);
    }

    /** "rounds 15.2–16.9", in the order of the values: lowest to highest. */
    String range() {
        return "rounds " + BenchmarkTest.Report.format(min()) + "–" + BenchmarkTest.Report.format(max());
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no round measured");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
