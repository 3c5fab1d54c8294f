package org.scoredos.ensemble;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Where an ensemble's members are evaluated: threads of this JVM, or a Spark job. */
public interface EnsembleRunner {
    /**
     * Every member's results, in member order.
     *
     * @param done     counts the members evaluated so far
     * @param progress where slow preparation steps (score refits) are told
     */
    MemberResult[] run(EnsemblePhases phases, ThetaSource members, LongAdder done, Consumer<String> progress) throws Exception;
}
