package vn.gov.thidua.support;

/**
 * How large the real-world tests (tag {@code scale}: a node killed mid-launch, two nodes failing over) are.
 * {@code mvn verify} runs them small, a few hundred units and a short job lock, which still proves what they are
 * for: the work a killed node held is resumed by another, nothing is done twice, nothing fails.
 * {@code mvn -Pbenchmark verify} sets {@code -Dthidua.scale=full} and runs them at the size docs/benchmark.md quotes.
 */
public final class Scale {

    public static final String PROPERTY = "thidua.scale";

    private Scale() {
    }

    public static boolean full() {
        return "full".equals(System.getProperty(PROPERTY, "small"));
    }

    /** {@code small} in the default run, {@code full} with {@code -Dthidua.scale=full}. */
    public static int units(int small, int full) {
        return full() ? full : small;
    }
}
