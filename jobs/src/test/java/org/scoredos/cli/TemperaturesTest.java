package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TemperaturesTest {

    @Test
    void rangeIncludesBothEnds() {
        assertArrayEquals(new double[] {500, 1000, 1500, 2000, 2500}, Temperatures.parse("500:2500:5"), 1e-12);
    }

    @Test
    void listAndSingleValue() {
        assertArrayEquals(new double[] {300, 1000, 2500}, Temperatures.parse("300,1000,2500"), 0);
        assertArrayEquals(new double[] {300}, Temperatures.parse("300"), 0);
    }

    @Test
    void impossibleTemperaturesAreRefused() {
        for (String bad : new String[] {"0", "-5", "100:50:3", "1:2", "a,b", "1:10:x", "1:10:0", "NaN", "", "300,,400"}) {
            assertThrows(CommandLine.TypeConversionException.class, () -> Temperatures.parse(bad), bad);
        }
    }
}
