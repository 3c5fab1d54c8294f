package org.scoredos.store;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * ZSTD for Parquet pages, one page at a time with the size known up front (standard ZSTD
 * frames, readable by any Parquet reader). Parquet's own codec streams size their window and
 * tables at high levels for unknown, large inputs: here high levels stay cheap because zstd
 * fits its parameters to the page, and no Hadoop codec machinery is loaded. Compression is
 * zstd-jni's; decompression is pure Java (aircompressor), so reading loads no native library.
 */
final class ZstdCodec implements CompressionCodecFactory {
    private final int level;

    ZstdCodec(int level) {
        this.level = level;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD) throw new IllegalArgumentException("summary stores write ZSTD only, not " + codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(Zstd.compress(bytes.toByteArray(), level));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.ZSTD;
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD && codec != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("compression " + codec + " is not one summary stores use");
        }
        boolean zstd = codec == CompressionCodecName.ZSTD;
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(zstd ? decompressed(in, uncompressedSize) : in);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(zstd ? decompressed(in, uncompressedSize) : in);
            }

            @Override
            public void release() {}
        };
    }

    /** Pure-Java decompression: no native library to extract and load, so a cold read starts faster. */
    private static byte[] decompressed(byte[] in, int size) throws IOException {
        byte[] out = new byte[size];
        int n;
        try {
            n = new ZstdDecompressor().decompress(in, 0, in.length, out, 0, size);
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("corrupted ZSTD page: " + e.getMessage(), e);
        }
        if (n != size) throw new IOException("corrupted ZSTD page (" + n + " of " + size + " bytes)");
        return out;
    }

    @Override
    public void release() {}
}
