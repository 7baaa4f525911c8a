package io.duban.deploy.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The views' documents in the embedded server's file as BSON (the server's own encoder and decoder, which answer
 * every client), instead of H2's default Java serialization of the server's nested maps.
 * <p>
 * Why: rebuilding the views at 100,000 events spent almost half of the process's CPU in Java serialization — the
 * server deserializing each document it updates, H2's background threads serializing the pages it wrote (JFR, bench
 * {@code --scale-events=100000}). BSON is the format those documents arrived in and leave in.
 * <p>
 * A file written before keeps opening: each value starts with a tag, {@value #BSON} here, while H2's object type
 * writes its own (always {@code 19}, a serialized object, for a document), which is read as it was written. Each
 * document rewritten is stored as BSON from then on. A value BSON cannot hold (none the views write; the server may
 * hold types of its own) is stored as before, with H2's tag.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Tags no value of H2's object type starts with. */
    static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();
    /**
     * The running average of the encoded size: the page cache's estimate of a document's memory (what H2's object type
     * does too), a multiple of it as a document in memory is larger than its BSON.
     */
    private volatile int averageSize = 1024;

    @Override
    public int getMemory(Document document) {
        return 3 * averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(Math.max(64, averageSize));
        try {
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (IllegalArgumentException notBson) {
                legacy.write(buffer, document);
                return;
            }
            int size = bson.readableBytes();
            averageSize = (averageSize * 15 + size) / 16;
            buffer.put(BSON).putVarInt(size);
            byte[] bytes = new byte[size];
            bson.readBytes(bytes);
            buffer.put(bytes);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        ByteBuffer slice = buffer.slice();
        slice.limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
