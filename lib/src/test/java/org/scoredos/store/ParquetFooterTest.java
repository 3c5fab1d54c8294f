package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.scoredos.ScoreDosVersion;

/** A store's Parquet files say who wrote them, in the footer any Parquet tool shows. */
class ParquetFooterTest {
    @Test
    void theFooterNamesScoreDosAndKeepsTheGivenMetadata() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required double x; }");
        Group row = new SimpleGroupFactory(schema).newGroup().append("x", 1.5);
        byte[] bytes = ParquetBytes.write(schema, List.of(row), Map.of("scoredos.format", "scoredos-summary"));
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetBytes.input(bytes), ParquetBytes.readOptions())) {
            Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertEquals("scoredos", kv.get("writer.model.name"), kv.toString());
            assertEquals("scoredos-summary", kv.get("scoredos.format"));
            assertEquals(1, reader.getRecordCount());
        }
    }

    @Test
    void theVersionIsTheBuildsProjectVersion() {
        // filtered from the Maven project version: never a placeholder, never "development"
        assertTrue(ScoreDosVersion.get().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), ScoreDosVersion.get());
    }
}
