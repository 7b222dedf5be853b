// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Link;
using TinTin.Firmware.Core.Storage;

namespace NFUnitTest
{
    // The host end of the link in memory: what the test sends, the core reads; what the core writes, the test decodes.
    internal sealed class MemoryLinkPort : ILinkPort
    {
        private readonly byte[] _toDevice = new byte[1 << 16];
        private readonly FrameEncoder _encoder = new FrameEncoder();
        private readonly FrameDecoder _decoder = new FrameDecoder();
        private readonly ArrayList _frames = new ArrayList();
        private int _toDeviceStart;
        private int _toDeviceEnd;

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _toDeviceEnd - _toDeviceStart;
            n = n < count ? n : count;
            Array.Copy(_toDevice, _toDeviceStart, buffer, offset, n);
            _toDeviceStart += n;
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            int used = 0;
            while (used < count)
            {
                used += _decoder.Feed(buffer, offset + used, count - used);
                if (_decoder.HasFrame)
                {
                    byte[] payload = new byte[_decoder.PayloadLength];
                    Array.Copy(_decoder.Buffer, _decoder.PayloadOffset, payload, 0, payload.Length);
                    _frames.Add(new ReceivedFrame(_decoder.Type, _decoder.Sequence, payload));
                }
            }
        }

        public int Rejected
        {
            get { return (int)_decoder.Stats.Rejected; }
        }

        // Sends a host frame; returns its sequence number.
        public int Send(MessageType type, byte[] payload, int length)
        {
            int sequence = _encoder.NextSequence;
            int n = _encoder.Encode(type, 0, payload, 0, length);
            SendRaw(_encoder.Output, 0, n);
            return sequence;
        }

        public int SendCommand(CommandCode code, long argument)
        {
            CommandMessage command = new CommandMessage();
            command.Code = code;
            command.Argument = argument;
            byte[] payload = new byte[CommandMessage.MaxLength];
            return Send(MessageType.Command, payload, command.Write(payload, 0));
        }

        public void SendRaw(byte[] data, int offset, int count)
        {
            if (_toDeviceStart == _toDeviceEnd)
            {
                _toDeviceStart = 0;
                _toDeviceEnd = 0;
            }

            Array.Copy(data, offset, _toDevice, _toDeviceEnd, count);
            _toDeviceEnd += count;
        }

        // Takes every frame received so far.
        public ReceivedFrame[] Take()
        {
            ReceivedFrame[] frames = new ReceivedFrame[_frames.Count];
            _frames.CopyTo(frames);
            _frames.Clear();
            return frames;
        }

        public static int Count(ReceivedFrame[] frames, MessageType type)
        {
            int n = 0;
            for (int i = 0; i < frames.Length; i++)
            {
                n += frames[i].Type == type ? 1 : 0;
            }

            return n;
        }

        public static ReceivedFrame First(ReceivedFrame[] frames, MessageType type)
        {
            for (int i = 0; i < frames.Length; i++)
            {
                if (frames[i].Type == type)
                {
                    return frames[i];
                }
            }

            return null;
        }
    }

    internal sealed class ReceivedFrame
    {
        public ReceivedFrame(MessageType type, int sequence, byte[] payload)
        {
            Type = type;
            Sequence = sequence;
            Payload = payload;
        }

        public MessageType Type { get; }

        public int Sequence { get; }

        public byte[] Payload { get; }
    }

    internal sealed class ManualClock : IDeviceClock
    {
        public long Microseconds { get; set; }
    }

    internal sealed class TestBoard : IBoard
    {
        private bool _press;

        public TestBoard(ICheckpointFiles storage)
        {
            Storage = storage;
        }

        public string TargetName
        {
            get { return "ESP32_C3"; }
        }

        public bool HasFpu
        {
            get { return false; }
        }

        public ICheckpointFiles Storage { get; }

        public bool Led { get; private set; }

        public long ManagedFreeBytes()
        {
            return 40000;
        }

        public bool TryReadNativeMemory(out long free, out long largestBlock)
        {
            free = 0;
            largestBlock = 0;
            return false;
        }

        public void SetLed(bool on)
        {
            Led = on;
        }

        public void PressButton()
        {
            _press = true;
        }

        public bool TakeButtonPress()
        {
            bool press = _press;
            _press = false;
            return press;
        }
    }
}
