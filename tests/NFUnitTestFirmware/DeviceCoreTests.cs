// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Learning;
using TinTin.Firmware.Core.Link;
using TinTin.Persistence;
using TinTin.Sensors.Acquisition;

namespace NFUnitTest
{
    [TestClass]
    public class DeviceCoreTests
    {
        private const int WindowLength = 1024;

        [TestMethod]
        public void BootSaysHelloWithTheTargetTableAndReportsMissingStorageAndSensor()
        {
            MemoryLinkPort link = new MemoryLinkPort();
            DeviceCore core = NewCore(link, new ManualClock(), new TestBoard(null), null);
            core.Boot();

            ReceivedFrame[] frames = link.Take();
            HelloMessage hello = new HelloMessage();
            Assert.AreEqual(NakReason.None, hello.Read(MemoryLinkPort.First(frames, MessageType.Hello).Payload, 0, MemoryLinkPort.First(frames, MessageType.Hello).Payload.Length), "hello parses");
            Assert.AreEqual("ESP32_C3", hello.TargetName, "target");
            Assert.IsFalse(hello.HasFpu, "FPU from the target table");
            Assert.AreEqual((long)core.Loop.Model.Plan.TotalBytes, hello.PlannedBytes, "planned bytes");
            Assert.AreEqual(MessageType.Hello, frames[0].Type, "hello first");
            Assert.IsTrue(HasEvent(frames, EventCode.CheckpointFailed), "no storage reported");
            Assert.IsTrue(HasEvent(frames, EventCode.SensorFault), "no sensor reported");
            Assert.AreEqual(DeviceMode.Idle, core.Mode, "idle without a sensor");
        }

        [TestMethod]
        public void CommandsAreAckedAndBadOnesNakedWithAReason()
        {
            MemoryLinkPort link = new MemoryLinkPort();
            DeviceCore core = NewCore(link, new ManualClock(), new TestBoard(null), null);
            core.Boot();
            link.Take();

            int setMode = link.SendCommand(CommandCode.SetMode, (long)DeviceMode.Detect);
            int badLabel = link.SendCommand(CommandCode.SetLabel, 10);
            int goodLabel = link.SendCommand(CommandCode.SetLabel, 3);
            int save = link.SendCommand(CommandCode.SaveCheckpoint, 0);
            core.Poll();

            ReceivedFrame[] frames = link.Take();
            Assert.AreEqual(DeviceMode.Detect, core.Mode, "mode set");
            Assert.AreEqual(3, core.Label, "label set");
            Assert.IsTrue(Acked(frames, setMode), "set mode acked");
            Assert.IsTrue(Acked(frames, goodLabel), "set label acked");
            Assert.AreEqual((int)NakReason.OutOfRange, (int)NakOf(frames, badLabel), "label 10 of 10 classes");
            Assert.AreEqual((int)NakReason.StorageFailed, (int)NakOf(frames, save), "no file system");
        }

        [TestMethod]
        public void CorruptedBytesCostOnlyTheFramesTheyTouch()
        {
            MemoryLinkPort link = new MemoryLinkPort();
            DeviceCore core = NewCore(link, new ManualClock(), new TestBoard(null), null);
            core.Boot();
            link.Take();

            byte[] garbage = new byte[] { 0x13, 0x00, 0xFF, 0x22, 0x05, 0x00, 0x00, 0x41 };
            link.SendRaw(garbage, 0, garbage.Length);
            int next = link.SendCommand(CommandCode.SetLabel, 2);
            core.Poll();

            Assert.IsTrue(core.LinkStats.Rejected >= 1, "garbage rejected and counted");
            Assert.IsTrue(Acked(link.Take(), next), "the next command still works");
            Assert.AreEqual(2, core.Label, "label set");
        }

        [TestMethod]
        public void HostWindowsAreTrainedOnAndPredicted()
        {
            // Hardware-in-the-loop: the host streams labelled windows; the board trains exactly as on its sensor.
            MemoryLinkPort link = new MemoryLinkPort();
            DeviceCore core = NewCore(link, new ManualClock(), new TestBoard(null), null);
            core.Boot();
            link.SendCommand(CommandCode.SetMode, (long)DeviceMode.Train);
            core.Poll();
            link.Take();

            SyntheticBearingSource source = new SyntheticBearingSource(FaultKind.OuterRace, 9);
            int[] window = new int[WindowLength];
            for (int w = 0; w < 3; w++)
            {
                int read;
                source.TryRead(window, 0, WindowLength, out read);
                SendWindow(link, window, w, 2);
                core.Poll();
            }

            ReceivedFrame[] frames = link.Take();
            Assert.AreEqual(3L, core.Loop.TrainingSteps, "trained on every window");
            Assert.AreEqual(3, MemoryLinkPort.Count(frames, MessageType.Prediction), "one prediction per window");
            PredictionMessage prediction = new PredictionMessage();
            ReceivedFrame first = MemoryLinkPort.First(frames, MessageType.Prediction);
            prediction.Read(first.Payload, 0, first.Payload.Length);
            Assert.AreEqual(2, prediction.Label, "the host's label echoed");
            Assert.AreEqual(0L, prediction.WindowSequence, "window sequence");
        }

        [TestMethod]
        public void TheModelSentToTheHostIsTheModelFile()
        {
            MemoryLinkPort link = new MemoryLinkPort();
            DeviceCore core = NewCore(link, new ManualClock(), new TestBoard(null), null);
            core.Boot();
            link.Take();
            int request = link.SendCommand(CommandCode.SendModel, 0);
            core.Poll();

            ReceivedFrame[] frames = link.Take();
            Assert.IsTrue(Acked(frames, request), "acked");
            byte[] expected = new byte[ModelFile.GetSize(core.Loop.Model)];
            ModelFile.Write(core.Loop.Model, expected, 0);
            ModelAssembler assembler = new ModelAssembler(new byte[expected.Length]);
            Assert.AreEqual(NakReason.None, assembler.Begin(expected.Length), "begin");
            ModelChunkMessage chunk = new ModelChunkMessage();
            for (int i = 0; i < frames.Length; i++)
            {
                if (frames[i].Type == MessageType.ModelChunk)
                {
                    Assert.AreEqual(NakReason.None, chunk.Read(frames[i].Payload, 0, frames[i].Payload.Length), "chunk parses");
                    Assert.AreEqual(NakReason.None, assembler.Accept(chunk), "chunk accepted");
                }
            }

            Assert.IsTrue(assembler.IsComplete, "complete");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], assembler.Target[i], "model byte");
            }
        }

        [TestMethod]
        public void TheButtonCyclesTheLabelAndSensorWindowsTrain()
        {
            MemoryLinkPort link = new MemoryLinkPort();
            ManualClock clock = new ManualClock();
            TestBoard board = new TestBoard(null);
            WindowAssembler sensor = new WindowAssembler(new SyntheticBearingSource(FaultKind.Healthy, 4), WindowLength, WindowLength, 2 * WindowLength, 0, 512);
            DeviceCore core = NewCore(link, clock, board, sensor);
            core.Boot();
            Assert.AreEqual(DeviceMode.Train, core.Mode, "train with a sensor");
            Assert.IsTrue(board.Led, "LED on while training");
            Assert.AreEqual(LearningLoop.NoLabel, core.Label, "no label yet");

            board.PressButton();
            core.Poll();
            Assert.AreEqual(0, core.Label, "first press: class 0");
            for (int i = 0; i < 4; i++)
            {
                core.Poll();
            }

            Assert.IsTrue(core.Loop.TrainingSteps >= 2, "sensor windows trained on");
            Assert.AreEqual(core.Loop.TrainingSteps, core.Counters.TrainSteps, "each step measured");
        }

        [TestMethod]
        public void CountersArriveEveryReportPeriodWithTheEnergyFlag()
        {
            MemoryLinkPort link = new MemoryLinkPort();
            ManualClock clock = new ManualClock();
            DeviceCore core = NewCore(link, clock, new TestBoard(null), null);
            core.Boot();
            link.Take();
            core.Poll();
            Assert.AreEqual(0, MemoryLinkPort.Count(link.Take(), MessageType.Counters), "not yet due");

            clock.Microseconds = 1000000;
            core.Poll();
            ReceivedFrame counters = MemoryLinkPort.First(link.Take(), MessageType.Counters);
            Assert.IsNotNull(counters, "due after one period");
            CountersMessage message = new CountersMessage();
            Assert.AreEqual(NakReason.None, message.Read(counters.Payload, 0, counters.Payload.Length), "parses");
            long value;
            Assert.IsTrue(message.TryGetValue(CounterId.EnergyEstimated, out value), "energy flag present");
            Assert.AreEqual(1L, value, "estimated");
            Assert.IsTrue(message.TryGetValue(CounterId.UptimeMs, out value), "uptime present");
            Assert.AreEqual(1000L, value, "uptime");
            Assert.IsTrue(message.TryGetValue(CounterId.PlannedWeightsBytes, out value), "plan present");
            Assert.AreEqual((long)core.Loop.Model.Plan.WeightBytes, value, "planned weights");
        }

        private static DeviceCore NewCore(MemoryLinkPort link, ManualClock clock, TestBoard board, WindowAssembler sensor)
        {
            return new DeviceCore(FirmwareSettings.Default(), board, clock, new EstimatedEnergyMeter(clock, 88400, 66300), sensor, sensor == null ? "no sensor in this test" : null, link);
        }

        private static void SendWindow(MemoryLinkPort link, int[] window, long sequence, int label)
        {
            SamplesMessage samples = new SamplesMessage();
            byte[] payload = new byte[LinkProtocol.MaxPayloadLength];
            for (int offset = 0; offset < window.Length; offset += SamplesMessage.MaxSamples)
            {
                int count = window.Length - offset < SamplesMessage.MaxSamples ? window.Length - offset : SamplesMessage.MaxSamples;
                samples.WindowSequence = sequence;
                samples.WindowLength = window.Length;
                samples.SampleOffset = offset;
                samples.Label = label;
                for (int i = 0; i < count; i++)
                {
                    samples.Samples[i] = (short)window[offset + i];
                }

                samples.SampleCount = count;
                link.Send(MessageType.Samples, payload, samples.Write(payload, 0));
            }
        }

        private static bool HasEvent(ReceivedFrame[] frames, EventCode code)
        {
            EventMessage message = new EventMessage();
            for (int i = 0; i < frames.Length; i++)
            {
                if (frames[i].Type == MessageType.Event && message.Read(frames[i].Payload, 0, frames[i].Payload.Length) == NakReason.None && message.Code == (int)code)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Acked(ReceivedFrame[] frames, int sequence)
        {
            AckMessage ack = new AckMessage();
            for (int i = 0; i < frames.Length; i++)
            {
                if (frames[i].Type == MessageType.Ack && ack.Read(frames[i].Payload, 0, frames[i].Payload.Length) == NakReason.None && ack.AnsweredSequence == sequence)
                {
                    return true;
                }
            }

            return false;
        }

        private static NakReason NakOf(ReceivedFrame[] frames, int sequence)
        {
            NakMessage nak = new NakMessage();
            for (int i = 0; i < frames.Length; i++)
            {
                if (frames[i].Type == MessageType.Nak && nak.Read(frames[i].Payload, 0, frames[i].Payload.Length) == NakReason.None && nak.AnsweredSequence == sequence)
                {
                    return nak.Reason;
                }
            }

            return NakReason.None;
        }
    }
}
