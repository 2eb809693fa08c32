package vn.gov.thidua.support;

/**
 * A node's resident memory and where it is, in kibibytes: {@code resident} in all (VmRSS), {@code javaHeap} the part
 * inside the Java heap, {@code classMetadata} the metaspace the JVM has committed. The rest is the JVM's own native
 * memory: compiled code, symbols, thread stacks, the compilers' and the garbage collector's working memory, and what
 * the C library holds for the JVM and the JDK (freed memory it has not given back among it).
 */
public record ResidentMemory(long resident, long javaHeap, long classMetadata) {

    public long rest() {
        return resident - javaHeap - classMetadata;
    }
}
