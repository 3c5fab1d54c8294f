package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.scoredos.store.NioLocalFileSystem;

/** Local mode's heartbeat settings (issue #22: a heartbeat trace under load), leaving clusters and explicit settings alone. */
class SparkContextsTest {
    @Test
    void localModeHeartbeatsRarelyAndWaitsLong() {
        SparkConf local = SparkContexts.conf("t", "local[2]");
        assertEquals("60s", local.get("spark.executor.heartbeatInterval"));
        assertEquals("600s", local.get("spark.network.timeout"));
        assertTrue(local.getTimeAsMs("spark.network.timeout") > local.getTimeAsMs("spark.executor.heartbeatInterval"),
                "Spark refuses a network timeout shorter than the heartbeat interval");

        SparkConf cluster = SparkContexts.conf("t", "spark://host:7077");
        assertFalse(cluster.contains("spark.executor.heartbeatInterval"), "a cluster keeps Spark's defaults");
        // local outputs through the local file system that forks no chmod, which the store's Hadoop configuration passes on
        assertEquals(NioLocalFileSystem.class.getName(), SparkContexts.hadoopConfiguration(local).get("fs.file.impl"));
        assertEquals(NioLocalFileSystem.Context.class.getName(), SparkContexts.hadoopConfiguration(local).get("fs.AbstractFileSystem.file.impl"),
                "and FileContext's renames (manifests, packs) fork no readlink");
        assertEquals(NioLocalFileSystem.Context.class.getName(), local.get("spark.hadoop.fs.AbstractFileSystem.file.impl"));
        assertFalse(cluster.contains("spark.hadoop.fs.file.impl"), "a cluster keeps Hadoop's own");
        assertEquals(NioLocalFileSystem.class.getName(), SparkContexts.hadoopConfiguration(new SparkConf()).get("fs.file.impl"),
                "the lock's configuration, taken before the master is known, is local[*]'s");
        assertFalse(NioLocalFileSystem.class.getName().equals(SparkContexts.hadoopConfiguration(cluster).get("fs.file.impl")));

        System.setProperty("spark.executor.heartbeatInterval", "5s");
        try {
            assertEquals("5s", SparkContexts.conf("t", "local[1]").get("spark.executor.heartbeatInterval"), "--conf wins");
        } finally {
            System.clearProperty("spark.executor.heartbeatInterval");
        }
    }
}
