package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.campaign.SampledDescriptorsTest;
import org.scoredos.store.SummaryStore;

/** What a timer or cron job runs: the same command again and again, each run adding samples. */
class ScheduledTopUpTest {
    @TempDir
    Path tmp;

    private JsonNode campaign(Path yaml, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("campaign", "--config", yaml.toString(), "--master", "local[2]",
                "--hessian-cache", tmp.resolve("hessians").toString(), "--format", "json"));
        args.addAll(List.of(extra));
        CommandRun ran = run(args.toArray(String[]::new));
        assertEquals(0, ran.code(), ran.err());
        return new ObjectMapper().readTree(ran.out());
    }

    @Test
    void eachScheduledRunAddsSamplesAndAppendsToTheRunLog() throws Exception {
        Path yaml = SampledDescriptorsTest.tinyConfig(tmp, "");
        JsonNode first = campaign(yaml, "--add-samples", "16");
        assertEquals(2, first.get("shardsComputed").asInt(), "a new output: 16 samples per cell, one shard each");
        JsonNode second = campaign(yaml, "--add-samples", "16");
        assertEquals(2, second.get("shardsComputed").asInt());
        assertEquals(32, second.get("cells").get(0).get("summarised").asInt());
        assertEquals(32, SummaryStore.read(tmp.resolve("out/summaries/tiny")).cells().get(1).samples());

        List<String> log = Files.readAllLines(tmp.resolve("out/runs.log"));
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(1).matches("\\S+\t\\S+\t32\t2\t2\t16\t\\d+\\.\\d"), log.get(1));
        assertTrue(log.get(2).matches("\\S+\t\\S+\t32\t2\t2\t32\t\\d+\\.\\d"), log.get(2));
        assertFalse(Files.exists(tmp.resolve("out/campaign.lock")));
    }

    @Test
    void addSamplesAndSamplesExcludeEachOther() throws Exception {
        Path yaml = SampledDescriptorsTest.tinyConfig(tmp, "");
        CommandRun ran = run("campaign", "--config", yaml.toString(), "--samples", "64", "--add-samples", "16");
        assertEquals(2, ran.code());
        assertEquals("scoredos campaign: --add-samples and --samples exclude each other", ran.err().strip());
    }
}
