package org.scoredos.ensemble;

import java.util.concurrent.atomic.LongAdder;

/** Where an ensemble's members are evaluated: threads of this JVM, or a Spark job. */
public interface EnsembleRunner {
    /**
     * Every member's results, in member order.
     *
     * @param done counts the members evaluated so far (progress)
     */
    MemberResult[] run(EnsemblePhases phases, ThetaSource members, LongAdder done) throws Exception;
}
