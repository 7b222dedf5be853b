// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.Link;
using TinTin.Persistence;

namespace NFUnitTest
{
    // Builds byte streams for the link tests: frames from the encoder, hand-made frames with a chosen flaw, joins.
    internal static class LinkTestSupport
    {
        // One encoded frame, terminator included, copied out of the encoder.
        internal static byte[] Encode(MessageType type, int sequence, long timestampUs, byte[] payload)
        {
            var encoder = new FrameEncoder();
            int n = encoder.EncodeWithSequence(type, sequence, timestampUs, payload, 0, payload.Length);
            byte[] frame = new byte[n];
            Array.Copy(encoder.Output, frame, n);
            return frame;
        }

        // A frame with any header values and a CRC that can be spoiled: COBS-encoded and terminated.
        internal static byte[] Raw(int version, int type, int declaredLength, byte[] payload, uint crcXor)
        {
            int length = LinkProtocol.HeaderLength + payload.Length;
            byte[] frame = new byte[length + LinkProtocol.CrcLength];
            frame[0] = (byte)version;
            frame[1] = (byte)type;
            ByteOrder.WriteUInt16(frame, 2, 5);
            ByteOrder.WriteInt64(frame, 4, 1000);
            ByteOrder.WriteUInt16(frame, 12, declaredLength);
            Array.Copy(payload, 0, frame, LinkProtocol.HeaderLength, payload.Length);
            ByteOrder.WriteInt32(frame, length, Crc32.Compute(frame, 0, length) ^ crcXor);
            byte[] encoded = new byte[Cobs.MaxEncodedLength(frame.Length) + 1];
            int n = Cobs.Encode(frame, 0, frame.Length, encoded, 0);
            encoded[n] = 0;
            return Slice(encoded, 0, n + 1);
        }

        internal static byte[] Slice(byte[] data, int offset, int count)
        {
            byte[] part = new byte[count];
            Array.Copy(data, offset, part, 0, count);
            return part;
        }

        internal static byte[] Join(byte[] a, byte[] b)
        {
            byte[] both = new byte[a.Length + b.Length];
            Array.Copy(a, both, a.Length);
            Array.Copy(b, 0, both, a.Length, b.Length);
            return both;
        }

        // The stream as a board whose serial driver drops 0x00 receives it.
        internal static byte[] WithoutZeros(byte[] data)
        {
            int n = 0;
            for (int i = 0; i < data.Length; i++)
            {
                if (data[i] != 0)
                {
                    n++;
                }
            }

            byte[] kept = new byte[n];
            n = 0;
            for (int i = 0; i < data.Length; i++)
            {
                if (data[i] != 0)
                {
                    kept[n++] = data[i];
                }
            }

            return kept;
        }

        // Feeds everything one byte at a time and counts the frames delivered.
        internal static int FeedAll(FrameDecoder decoder, byte[] data)
        {
            int frames = 0;
            for (int i = 0; i < data.Length; i++)
            {
                if (decoder.Push(data[i]))
                {
                    frames++;
                }
            }

            return frames;
        }

        internal static byte[] Filled(int length, int value)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)value;
            }

            return data;
        }

        // Bytes i * 7 + 1: a pattern that contains zeros at known places.
        internal static byte[] Pattern(int length)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)((i * 7) + 1);
            }

            return data;
        }
    }
}
