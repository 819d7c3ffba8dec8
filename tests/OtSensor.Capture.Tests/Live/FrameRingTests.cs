using System.Buffers.Binary;
using OtSensor.Capture.Live;

namespace OtSensor.Capture.Tests.Live;

public sealed class FrameRingTests
{
    [Fact]
    public void TryWrite_ThenTryPeek_ReturnsBytesLengthAndTimestampInOrder()
    {
        var ring = new FrameRing(4096);
        Assert.True(ring.TryWrite([0x01, 0x02, 0x03], originalLength: 60, timestampNanoseconds: 1_000));
        Assert.True(ring.TryWrite([0xAA], originalLength: 1, timestampNanoseconds: 2_000));

        Assert.True(ring.TryPeek(out var first, out int firstOriginal, out long firstTime));
        Assert.Equal(new byte[] { 0x01, 0x02, 0x03 }, first.ToArray());
        Assert.Equal(60, firstOriginal);
        Assert.Equal(1_000, firstTime);
        ring.Release();
        Assert.True(ring.TryPeek(out var second, out _, out long secondTime));
        Assert.Equal(new byte[] { 0xAA }, second.ToArray());
        Assert.Equal(2_000, secondTime);
        ring.Release();
        Assert.False(ring.TryPeek(out _, out _, out _));
        Assert.Equal(2, ring.Written);
        Assert.Equal(2, ring.Read);
        Assert.Equal(0, ring.UsedBytes);
    }

    [Fact]
    public void TryWrite_RingFull_DropsAndCountsWithoutTouchingQueuedFrames()
    {
        var ring = new FrameRing(4096);
        var frame = new byte[1000];
        int accepted = 0;
        for (int i = 0; i < 10; i++)
        {
            frame[0] = (byte)i;
            if (ring.TryWrite(frame, frame.Length, i)) accepted++;
        }
        // 16-byte header + 1000 bytes rounded to 1008 = 1024 per record: four fit in 4 KiB.
        Assert.Equal(4, accepted);
        Assert.Equal(6, ring.Dropped);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(ring.TryPeek(out var data, out _, out long time));
            Assert.Equal(i, data[0]);
            Assert.Equal(i, time);
            ring.Release();
        }
        Assert.False(ring.TryPeek(out _, out _, out _));
    }

    [Fact]
    public void TryWrite_RecordDoesNotFitBeforeEnd_WrapsToStartAndConsumerSkipsTheGap()
    {
        var ring = new FrameRing(4096);
        var big = new byte[1500];
        // Three records of 1520 bytes: the third does not fit in the 1056 bytes left before the end.
        Assert.True(ring.TryWrite(big, big.Length, 1));
        Assert.True(ring.TryWrite(big, big.Length, 2));
        Assert.False(ring.TryWrite(big, big.Length, 3));
        Assert.True(ring.TryPeek(out _, out _, out _));
        ring.Release();
        big[0] = 0x77;
        Assert.True(ring.TryWrite(big, big.Length, 4));

        Assert.True(ring.TryPeek(out _, out _, out long second));
        Assert.Equal(2, second);
        ring.Release();
        Assert.True(ring.TryPeek(out var wrapped, out _, out long fourth));
        Assert.Equal(4, fourth);
        Assert.Equal(0x77, wrapped[0]);
        ring.Release();
        Assert.Equal(0, ring.UsedBytes);
        Assert.Equal(1, ring.Dropped);
    }

    [Fact]
    public void TryWrite_FrameLargerThanHalfTheRing_IsDroppedNeverWritten()
    {
        var ring = new FrameRing(4096);
        Assert.False(ring.TryWrite(new byte[ring.MaxFrameBytes + 1], 3000, 1));
        Assert.True(ring.TryWrite(new byte[ring.MaxFrameBytes], 2032, 2));
        Assert.Equal(1, ring.Dropped);
    }

    [Fact]
    public void Release_WithoutPeek_Throws()
    {
        var ring = new FrameRing(4096);
        Assert.Throws<InvalidOperationException>(ring.Release);
    }

    [Fact]
    public void WriteAndRead_SteadyState_AllocateNothing()
    {
        var ring = new FrameRing(1 << 16);
        var frame = new byte[200];
        for (int i = 0; i < 1000; i++) Cycle(ring, frame, i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++) Cycle(ring, frame, i);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Cycle(FrameRing ring, byte[] frame, int i)
        {
            ring.TryWrite(frame.AsSpan(0, 60 + (i % 140)), 200, i);
            if (ring.TryPeek(out _, out _, out _)) ring.Release();
        }
    }

    [Fact]
    public void ProducerAndConsumerThreads_EveryFrameArrivesIntactOrIsCountedAsDropped()
    {
        // A small ring and a consumer that sometimes pauses: frames are both delivered and dropped, and each delivered
        // frame carries its own sequence number in its bytes and timestamp, in order.
        const int Frames = 200_000;
        var ring = new FrameRing(8192);
        var producer = new Thread(() =>
        {
            Span<byte> frame = stackalloc byte[300];
            for (int i = 0; i < Frames; i++)
            {
                int length = 8 + (i % 290);
                BinaryPrimitives.WriteInt32LittleEndian(frame, i);
                frame[length - 1] = (byte)i;
                ring.TryWrite(frame[..length], length, i);
            }
        });
        producer.Start();
        long delivered = 0, last = -1;
        while (producer.IsAlive || ring.TryPeekTimestamp(out _))
        {
            if (!ring.TryPeek(out var data, out int original, out long time))
            {
                Thread.Yield();
                continue;
            }
            int sequence = BinaryPrimitives.ReadInt32LittleEndian(data);
            Assert.Equal(time, sequence);
            Assert.True(sequence > last, $"frame {sequence} after {last}");
            Assert.Equal(8 + (sequence % 290), data.Length);
            Assert.Equal(data.Length, original);
            Assert.Equal((byte)sequence, data[^1]);
            last = sequence;
            delivered++;
            ring.Release();
            if (delivered % 5000 == 0) Thread.Sleep(1);
        }
        producer.Join();
        Assert.Equal(Frames, delivered + ring.Dropped);
        Assert.Equal(delivered, ring.Read);
        Assert.Equal(delivered, ring.Written);
        Assert.True(ring.Dropped > 0, "the pauses should have filled the ring");
    }
}
