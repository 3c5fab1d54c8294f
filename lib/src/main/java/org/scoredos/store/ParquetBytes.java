package org.scoredos.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet files as byte arrays. The store's files are small (hundreds of kB), so they are
 * encoded and decoded in memory: the bytes can then be checksummed, and written to or read
 * from any file system (local now, Hadoop later) without Parquet touching it.
 */
final class ParquetBytes {
    /**
     * ZSTD level 9: decompression speed does not depend on the level, and level 19 made the w-bcc
     * store 4.4 % smaller for ≈ 0.5 s more CPU per write (lib/docs/performance.md, "Campaigns").
     */
    private static final ZstdCodec CODEC = new ZstdCodec(9);

    private ParquetBytes() {}

    /**
     * Encodes rows into one Parquet file: ZSTD, page checksums, format v2 pages (delta-packed
     * integers) and BYTE_STREAM_SPLIT doubles, no dictionaries (the values rarely repeat).
     */
    static byte[] write(MessageType schema, List<Group> rows, Map<String, String> metadata) {
        return write(schema, rows, metadata, CODEC);
    }

    /** The same with another ZSTD level (large result tables: a fast level). */
    static byte[] write(MessageType schema, List<Group> rows, Map<String, String> metadata, ZstdCodec codec) {
        BytesOutputFile file = new BytesOutputFile();
        try (ParquetWriter<Group> writer = new FooterNamedWriter(file, schema)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(codec)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(false)
                .withByteStreamSplitEncoding(true)
                .withPageWriteChecksumEnabled(true)
                .withExtraMetaData(metadata)
                .build()) {
            for (Group row : rows) writer.write(row);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode Parquet in memory: " + e.getMessage(), e);
        }
        return file.bytes.toByteArray();
    }

    /** Writes Groups as ExampleParquetWriter does, but names ScoreDOS, not "example", as the footer's writer model. */
    private static final class FooterNamedWriter extends ParquetWriter.Builder<Group, FooterNamedWriter> {
        private final MessageType schema;

        FooterNamedWriter(OutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected FooterNamedWriter self() {
            return this;
        }

        @Override
        protected WriteSupport<Group> getWriteSupport(Configuration conf) {
            return support();
        }

        @Override
        protected WriteSupport<Group> getWriteSupport(ParquetConfiguration conf) {
            return support();
        }

        private WriteSupport<Group> support() {
            return new WriteSupport<>() {
                private org.apache.parquet.example.data.GroupWriter rows;

                @Override
                public String getName() {
                    return "scoredos";
                }

                @Override
                public WriteContext init(Configuration conf) {
                    return new WriteContext(schema, Map.of());
                }

                @Override
                public WriteContext init(ParquetConfiguration conf) {
                    return new WriteContext(schema, Map.of());
                }

                @Override
                public void prepareForWrite(RecordConsumer consumer) {
                    rows = new org.apache.parquet.example.data.GroupWriter(consumer, schema);
                }

                @Override
                public void write(Group row) {
                    rows.write(row);
                }
            };
        }
    }

    /** Read options: verify page checksums, and no Hadoop configuration. */
    static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(CODEC)
                .usePageChecksumVerification(true)
                .build();
    }

    /** An InputFile over bytes already in memory. */
    static InputFile input(byte[] bytes) {
        return new InputFile() {
            @Override
            public long getLength() {
                return bytes.length;
            }

            @Override
            public SeekableInputStream newStream() {
                Positioned in = new Positioned(bytes);
                return new DelegatingSeekableInputStream(in) {
                    @Override
                    public long getPos() {
                        return in.position();
                    }

                    @Override
                    public void seek(long newPos) throws IOException {
                        if (newPos < 0 || newPos > bytes.length) throw new IOException("seek to " + newPos + " outside the file");
                        in.seek((int) newPos);
                    }
                };
            }
        };
    }

    private static final class Positioned extends ByteArrayInputStream {
        Positioned(byte[] bytes) {
            super(bytes);
        }

        int position() {
            return pos;
        }

        void seek(int newPos) {
            pos = newPos;
        }
    }

    private static final class BytesOutputFile implements OutputFile {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
