// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Acquisition;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of <see cref="WindowAssembler"/> against a scripted source whose sample k has value
    /// 10 * k + axis, so every window's expected content is known exactly.
    /// </summary>
    [TestClass]
    public class WindowAssemblerTests
    {
        [TestMethod]
        [DataRow(4, 4, 10)]
        [DataRow(4, 1, 10)]
        [DataRow(5, 3, 11)]
        [DataRow(16, 5, 22)]
        [DataRow(7, 7, 13)]
        public void WindowsFollowTheStreamAcrossWrapAround(int windowLength, int hop, int capacity)
        {
            // Bursts of at most 7 never overflow a ring of windowLength + 6 when every ready window is taken.
            RampSource source = new RampSource(1, 7);
            WindowAssembler assembler = new WindowAssembler(source, windowLength, hop, capacity, 0, 7);
            SampleWindow window = new SampleWindow(windowLength);
            int[] bursts = new int[] { 1, 3, 7, 0, 2, 5 };

            int taken = 0;
            int pumps = 0;
            while (taken < 60)
            {
                source.NextBurst = bursts[pumps % bursts.Length];
                pumps++;
                assembler.Pump();
                while (assembler.TryTakeWindow(window))
                {
                    Assert.AreEqual(taken, window.SequenceNumber, "sequence number");
                    Assert.AreEqual(RampSource.Rate, window.SampleRateHz, "sample rate");
                    for (int i = 0; i < windowLength; i++)
                    {
                        Assert.AreEqual(10 * ((taken * hop) + i), window.Samples[i], "window content");
                    }

                    taken++;
                }
            }

            // 60 windows of a ring at most 22 long: the read position wrapped many times.
            Assert.IsTrue(60 * hop > 2 * capacity, "wrapped");
            Assert.AreEqual(0, assembler.DroppedSamples);
            Assert.AreEqual(taken, assembler.WindowsTaken);
        }

        [TestMethod]
        public void FullRingDropsTheNewestSamplesAndCountsThem()
        {
            RampSource source = new RampSource(1, 5);
            WindowAssembler assembler = new WindowAssembler(source, 4, 4, 8, 0, 5);
            SampleWindow window = new SampleWindow(4);

            Assert.AreEqual(5, assembler.Pump());
            Assert.AreEqual(5, assembler.Pump());

            // Samples 0..7 fit; 8 and 9 are dropped.
            Assert.AreEqual(8, assembler.Count);
            Assert.AreEqual(2, assembler.DroppedSamples);

            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(0, window.Samples[0]);
            Assert.AreEqual(30, window.Samples[3]);

            // Samples 10..14 arrive: 4 fit after the gap, 1 is dropped.
            Assert.AreEqual(5, assembler.Pump());
            Assert.AreEqual(3, assembler.DroppedSamples);
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(40, window.Samples[0]);
            Assert.AreEqual(70, window.Samples[3]);
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(100, window.Samples[0]);
            Assert.AreEqual(130, window.Samples[3]);
            Assert.AreEqual(2, window.SequenceNumber);
            Assert.IsFalse(assembler.TryTakeWindow(window));
        }

        [TestMethod]
        public void BurstLargerThanTheRingKeepsWhatFits()
        {
            RampSource source = new RampSource(1, 1);
            WindowAssembler assembler = new WindowAssembler(source, 4, 2, 8, 0, 1);
            SampleWindow window = new SampleWindow(4);
            int[] values = new int[20];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = i;
            }

            Assert.AreEqual(8, assembler.Append(values, 0, 20), "accepted count");
            Assert.AreEqual(12, assembler.DroppedSamples);

            int[] expectedFirst = new int[] { 0, 2, 4 };
            for (int w = 0; w < expectedFirst.Length; w++)
            {
                Assert.IsTrue(assembler.TryTakeWindow(window));
                for (int i = 0; i < 4; i++)
                {
                    Assert.AreEqual(expectedFirst[w] + i, window.Samples[i], "window content");
                }
            }

            Assert.IsFalse(assembler.TryTakeWindow(window));
            Assert.AreEqual(2, assembler.Count);
        }

        [TestMethod]
        public void ZeroLengthBurstsChangeNothing()
        {
            RampSource source = new RampSource(3, 0);
            WindowAssembler assembler = new WindowAssembler(source, 2, 1, 4, 1, 8);
            SampleWindow window = new SampleWindow(2);

            Assert.AreEqual(0, assembler.Pump());
            Assert.AreEqual(0, assembler.Append(new int[0], 0, 0), "empty array");
            Assert.AreEqual(0, assembler.Append(new int[6], 6, 0), "empty range at the end");
            Assert.AreEqual(0, assembler.Count);
            Assert.AreEqual(0, assembler.DroppedSamples);
            Assert.IsFalse(assembler.WindowReady);
            Assert.IsFalse(assembler.TryTakeWindow(window));
            Assert.AreEqual(0, assembler.WindowsTaken);
        }

        [TestMethod]
        public void SelectsOneAxisOfInterleavedSamples()
        {
            RampSource source = new RampSource(3, 6);
            WindowAssembler assembler = new WindowAssembler(source, 6, 6, 6, 2, 6);
            SampleWindow window = new SampleWindow(6);

            assembler.Pump();

            Assert.IsTrue(assembler.TryTakeWindow(window));
            for (int i = 0; i < 6; i++)
            {
                Assert.AreEqual((10 * i) + 2, window.Samples[i], "axis 2");
            }
        }

        [TestMethod]
        public void SumOfAxesAddsEveryAxis()
        {
            RampSource source = new RampSource(3, 4);
            WindowAssembler assembler = new WindowAssembler(source, 4, 4, 4, WindowAssembler.SumOfAxes, 4);
            SampleWindow window = new SampleWindow(4);

            assembler.Pump();

            Assert.IsTrue(assembler.TryTakeWindow(window));
            for (int i = 0; i < 4; i++)
            {
                // (10k + 0) + (10k + 1) + (10k + 2).
                Assert.AreEqual((30 * i) + 3, window.Samples[i], "sum of axes");
            }
        }

        [TestMethod]
        public void SourceFailuresAndOverrunsAreSurfacedAndPartialReadsKept()
        {
            RampSource source = new RampSource(1, 3);
            WindowAssembler assembler = new WindowAssembler(source, 4, 4, 8, 0, 8);
            SampleWindow window = new SampleWindow(4);

            source.FailNextRead = true;
            source.OverrunCount = 2;
            Assert.AreEqual(3, assembler.Pump());
            Assert.AreEqual(1, assembler.SourceErrors);
            Assert.AreEqual(2, assembler.SourceOverruns);
            Assert.AreEqual(3, assembler.Count);

            assembler.Pump();
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(0, window.Samples[0]);
            Assert.AreEqual(30, window.Samples[3]);
        }

        [TestMethod]
        public void NoWindowSpansASourceOverrunAndThePartialWindowBeforeItIsCounted()
        {
            RampSource source = new RampSource(1, 3);
            WindowAssembler assembler = new WindowAssembler(source, 4, 4, 16, 0, 8);
            SampleWindow window = new SampleWindow(4);

            assembler.Pump();
            source.OverrunCount = 1;
            assembler.Pump();

            // Samples 0-2 came before the overflow: no window of them and 3-5 (which came after it).
            Assert.AreEqual(3, assembler.DiscardedSamples);
            Assert.AreEqual(3, assembler.Count);
            Assert.IsFalse(assembler.TryTakeWindow(window));
            assembler.Pump();
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(30, window.Samples[0]);
            Assert.AreEqual(60, window.Samples[3]);
            Assert.AreEqual(0, window.SequenceNumber);
        }

        [TestMethod]
        public void WindowsCompleteBeforeAnOverrunAreStillTakenAndTheRestDiscarded()
        {
            RampSource source = new RampSource(1, 6);
            WindowAssembler assembler = new WindowAssembler(source, 4, 2, 16, 0, 6);
            SampleWindow window = new SampleWindow(4);

            assembler.Pump();
            source.OverrunCount = 1;
            assembler.Pump();
            Assert.AreEqual(0, assembler.DiscardedSamples);

            // Before the gap: samples 0-5 hold the windows 0-3 and 2-5; the one starting at 4 would cross it.
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(0, window.Samples[0]);
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(20, window.Samples[0]);
            Assert.AreEqual(50, window.Samples[3]);
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(60, window.Samples[0]);
            Assert.AreEqual(90, window.Samples[3]);
            Assert.AreEqual(2, assembler.DiscardedSamples);
        }

        [TestMethod]
        public void ASecondOverrunBeforeThePendingWindowsAreTakenDiscardsThemAll()
        {
            RampSource source = new RampSource(1, 6);
            WindowAssembler assembler = new WindowAssembler(source, 4, 4, 32, 0, 6);
            SampleWindow window = new SampleWindow(4);

            assembler.Pump();
            source.OverrunCount = 1;
            assembler.Pump();
            source.OverrunCount = 2;
            assembler.Pump();

            Assert.AreEqual(12, assembler.DiscardedSamples);
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(120, window.Samples[0]);
        }

        [TestMethod]
        public void NotEnoughSamplesLeavesTheWindowUnchanged()
        {
            RampSource source = new RampSource(1, 3);
            WindowAssembler assembler = new WindowAssembler(source, 4, 2, 8, 0, 3);
            SampleWindow window = new SampleWindow(4);
            window.Samples[0] = 12345;

            assembler.Pump();

            Assert.IsFalse(assembler.TryTakeWindow(window));
            Assert.AreEqual(12345, window.Samples[0]);
            Assert.AreEqual(3, assembler.Count);
        }

        [TestMethod]
        public void ClearDiscardsBufferedSamplesButKeepsCounting()
        {
            RampSource source = new RampSource(1, 6);
            WindowAssembler assembler = new WindowAssembler(source, 4, 4, 8, 0, 6);
            SampleWindow window = new SampleWindow(4);

            assembler.Pump();
            Assert.IsTrue(assembler.TryTakeWindow(window));
            assembler.Clear();
            Assert.AreEqual(0, assembler.Count);

            assembler.Pump();
            Assert.IsTrue(assembler.TryTakeWindow(window));
            Assert.AreEqual(60, window.Samples[0]);
            Assert.AreEqual(1, window.SequenceNumber);
        }

        [TestMethod]
        public void ConstructorRejectsInvalidArguments()
        {
            RampSource source = new RampSource(3, 1);
            Assert.ThrowsException(typeof(ArgumentNullException), () => new WindowAssembler(null, 4, 4, 8, 0, 4), "rejected case 4");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(source, 0, 1, 8, 0, 4), "rejected case 5");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(source, 4, 0, 8, 0, 4), "rejected case 6");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(source, 4, 5, 8, 0, 4), "rejected case 7");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(source, 4, 4, 3, 0, 4), "rejected case 8");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(source, 4, 4, 8, 3, 4), "rejected case 9");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(source, 4, 4, 8, -2, 4), "rejected case 10");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(source, 4, 4, 8, 0, 0), "rejected case 11");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new WindowAssembler(new RampSource(0, 1), 4, 4, 8, 0, 4), "rejected case 12");
        }

        [TestMethod]
        public void AppendAndTakeRejectInvalidArguments()
        {
            RampSource source = new RampSource(3, 1);
            WindowAssembler assembler = new WindowAssembler(source, 4, 4, 8, 0, 4);
            int[] values = new int[9];

            Assert.ThrowsException(typeof(ArgumentNullException), () => assembler.Append(null, 0, 1), "rejected case 13");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => assembler.Append(values, 0, -1), "rejected case 14");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => assembler.Append(values, 0, 4), "rejected case 15");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => assembler.Append(values, 1, 3), "rejected case 16");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => assembler.Append(values, -1, 1), "rejected case 17");
            Assert.ThrowsException(typeof(ArgumentNullException), () => assembler.TryTakeWindow(null), "rejected case 18");
            Assert.ThrowsException(typeof(ArgumentException), () => assembler.TryTakeWindow(new SampleWindow(5)), "rejected case 19");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SampleWindow(0), "rejected case 20");
            Assert.AreEqual(0, assembler.Count);
        }

        /// <summary>
        /// A scripted source: sample k of axis a has value 10 * k + a; each read delivers at most
        /// <see cref="NextBurst"/> samples; failures and overruns on demand.
        /// </summary>
        private sealed class RampSource : ISampleSource
        {
            public const int Rate = 3200;

            private readonly int _axes;
            private int _next;
            private int _errors;

            public RampSource(int axes, int burst)
            {
                _axes = axes;
                NextBurst = burst;
            }

            public int NextBurst { get; set; }

            public bool FailNextRead { get; set; }

            public int OverrunCount { get; set; }

            public int SampleRateHz
            {
                get { return Rate; }
            }

            public int Axes
            {
                get { return _axes; }
            }

            public int MicroGPerCountNumerator
            {
                get { return 3900; }
            }

            public int MicroGPerCountDenominator
            {
                get { return 1; }
            }

            public int Overruns
            {
                get { return OverrunCount; }
            }

            public int Errors
            {
                get { return _errors; }
            }

            public bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead)
            {
                samplesRead = NextBurst < maxSamples ? NextBurst : maxSamples;
                for (int s = 0; s < samplesRead; s++)
                {
                    for (int a = 0; a < _axes; a++)
                    {
                        destination[offset + (s * _axes) + a] = (10 * _next) + a;
                    }

                    _next++;
                }

                if (FailNextRead)
                {
                    FailNextRead = false;
                    _errors++;
                    return false;
                }

                return true;
            }
        }
    }
}
