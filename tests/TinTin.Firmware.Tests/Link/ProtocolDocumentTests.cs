// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Firmware.Core.Link;

namespace TinTin.Firmware.Tests.Link
{
    /// <summary>The example frames in docs/protocol.md are exactly what the encoder writes for their values.</summary>
    public sealed class ProtocolDocumentTests
    {
        private static string Document()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "docs", "protocol.md")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.NotNull(dir);
            return File.ReadAllText(Path.Combine(dir!, "docs", "protocol.md"));
        }

        // The hex line of the code block after "<!-- example-frame: NAME -->".
        private static byte[] Example(string name)
        {
            string doc = Document();
            int marker = doc.IndexOf("<!-- example-frame: " + name + " -->", StringComparison.Ordinal);
            Assert.True(marker >= 0, "marker " + name);
            int start = doc.IndexOf("```text\n", marker, StringComparison.Ordinal) + 8;
            int end = doc.IndexOf("\n```", start, StringComparison.Ordinal);
            return doc.Substring(start, end - start).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => Convert.ToByte(h, 16)).ToArray();
        }

        private static byte[] Encoded(FrameEncoder encoder, int length)
        {
            return encoder.Output.AsSpan(0, length).ToArray();
        }

        [Fact]
        public void TheSetLabelExampleIsTheEncodersOutput()
        {
            var encoder = new FrameEncoder();
            int n = new CommandMessage { Code = CommandCode.SetLabel, Argument = 3 }.Write(encoder.Payload, 0);
            int length = encoder.EncodeWithSequence(MessageType.Command, 7, 1_234_567, encoder.Payload, 0, n);
            Assert.Equal(Example("set-label"), Encoded(encoder, length));
        }

        [Fact]
        public void TheHelloExampleIsTheEncodersOutput()
        {
            var encoder = new FrameEncoder();
            var hello = new HelloMessage
            {
                FirmwareMajor = 0, FirmwareMinor = 1, FirmwareBuild = 0, FirmwareRevision = 0,
                ModelHash = 0xCBF43926, PlannedBytes = 40960, HasFpu = true, TargetName = "ESP32_PSRAM_REV0",
            };
            int n = hello.Write(encoder.Payload, 0);
            Assert.Equal(36, n);
            int length = encoder.EncodeWithSequence(MessageType.Hello, 0, 2_500_000, encoder.Payload, 0, n);
            byte[] frame = Encoded(encoder, length);
            Assert.Equal(Example("hello"), frame);

            // And the decoder reads the example back.
            var decoder = new FrameDecoder();
            decoder.Feed(frame, 0, frame.Length);
            Assert.True(decoder.HasFrame);
            var back = new HelloMessage();
            Assert.Equal(NakReason.None, back.Read(decoder.Buffer, decoder.PayloadOffset, decoder.PayloadLength));
            Assert.Equal("ESP32_PSRAM_REV0", back.TargetName);
        }
    }
}
