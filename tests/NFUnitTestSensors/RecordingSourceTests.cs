// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Acquisition;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of <see cref="RecordingSource"/> on a recording whose sample i has value 3 * i - 50, so
    /// every value read names the index it came from.
    /// </summary>
    [TestClass]
    public class RecordingSourceTests
    {
        [TestMethod]
        [DataRow(0, 37, 5, 64)]
        [DataRow(10, 20, 7, 3)]
        [DataRow(99, 1, 4, 4)]
        [DataRow(5, 60, 64, 64)]
        public void PlaysItsRangeInOrderThenEnds(int start, int count, int request, int burst)
        {
            int[] recording = Ramp(100);
            RecordingSource source = new RecordingSource(recording, start, count, 12000, 488, 1, false, burst);
            int[] buffer = new int[request + 2];
            int expectedIndex = start;
            int reads = 0;
            while (!source.Exhausted)
            {
                Assert.IsTrue(source.TryRead(buffer, 2, request, out int read), "read succeeds");
                Assert.IsTrue(read >= 1, "a running replay delivers");
                Assert.IsTrue(read <= request && read <= burst, "never more than asked or than a burst");
                for (int i = 0; i < read; i++)
                {
                    Assert.AreEqual((3 * expectedIndex) - 50, buffer[2 + i], "sample value");
                    expectedIndex++;
                }

                reads++;
                Assert.IsTrue(reads <= count, "terminates");
            }

            Assert.AreEqual(start + count, expectedIndex, "played exactly the range");
            Assert.AreEqual(1, source.Passes);
            Assert.AreEqual(0, source.Remaining);
            Assert.IsTrue(source.TryRead(buffer, 0, request, out int after), "an ended replay still reads");
            Assert.AreEqual(0, after, "no samples after the end");
        }

        [TestMethod]
        public void LoopingWrapsWithinOneRead()
        {
            int[] recording = Ramp(10);
            RecordingSource source = new RecordingSource(recording, 4, 3, 12000, 488, 1, true, 100);
            int[] buffer = new int[8];
            Assert.IsTrue(source.TryRead(buffer, 0, 8, out int read), "read succeeds");
            Assert.AreEqual(8, read, "a loop never runs dry");
            int[] indices = new int[] { 4, 5, 6, 4, 5, 6, 4, 5 };
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual((3 * indices[i]) - 50, buffer[i], "wrapped value");
            }

            Assert.AreEqual(2, source.Passes);
            Assert.IsFalse(source.Exhausted);
        }

        [TestMethod]
        public void RewindStartsAgain()
        {
            RecordingSource source = new RecordingSource(Ramp(6), 12000, 488, 1);
            int[] buffer = new int[6];
            source.TryRead(buffer, 0, 6, out int first);
            Assert.IsTrue(source.Exhausted);
            source.Rewind();
            Assert.IsFalse(source.Exhausted);
            Assert.AreEqual(0, source.Passes);
            Assert.IsTrue(source.TryRead(buffer, 0, 2, out int again), "read succeeds");
            Assert.AreEqual(2, again);
            Assert.AreEqual(-50, buffer[0], "first sample again");
        }

        [TestMethod]
        public void ReportsItsScaleAndNoFailures()
        {
            RecordingSource source = new RecordingSource(Ramp(4), 0, 4, 48000, 15625, 256, false, 32);
            Assert.AreEqual(48000, source.SampleRateHz);
            Assert.AreEqual(1, source.Axes);
            Assert.AreEqual(15625, source.MicroGPerCountNumerator);
            Assert.AreEqual(256, source.MicroGPerCountDenominator);
            Assert.AreEqual(0, source.Overruns);
            Assert.AreEqual(0, source.Errors);
            Assert.AreEqual(32, source.MaxBurstSamples);
        }

        [TestMethod]
        public void FeedsTheWindowAssemblerLikeAChip()
        {
            // 40 samples, windows of 8 every 4: (40 - 8) / 4 + 1 = 9 windows, then the replay ends.
            RecordingSource source = new RecordingSource(Ramp(40), 0, 40, 12000, 488, 1, false, 5);
            WindowAssembler assembler = new WindowAssembler(source, 8, 4, 16, 0, 5);
            SampleWindow window = new SampleWindow(8);
            int windows = 0;
            while (!source.Exhausted || assembler.WindowReady)
            {
                assembler.Pump();
                while (assembler.TryTakeWindow(window))
                {
                    Assert.AreEqual(windows, window.SequenceNumber);
                    Assert.AreEqual((3 * (4 * windows)) - 50, window.Samples[0], "window start");
                    Assert.AreEqual((3 * ((4 * windows) + 7)) - 50, window.Samples[7], "window end");
                    windows++;
                }
            }

            Assert.AreEqual(9, windows);
            Assert.AreEqual(0, assembler.DroppedSamples);
        }

        [TestMethod]
        public void RejectsRangesThatDoNotFit()
        {
            int[] recording = Ramp(10);
            Assert.ThrowsException(typeof(ArgumentNullException), () => new RecordingSource(null, 0, 1, 12000, 488, 1, false, 8), "rejected case 1");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordingSource(recording, 5, 6, 12000, 488, 1, false, 8), "rejected case 2");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordingSource(recording, -1, 2, 12000, 488, 1, false, 8), "rejected case 3");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordingSource(recording, 0, 0, 12000, 488, 1, false, 8), "rejected case 4");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordingSource(recording, 0, 2, 0, 488, 1, false, 8), "rejected case 5");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordingSource(recording, 0, 2, 12000, 488, 0, false, 8), "rejected case 6");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordingSource(recording, 0, 2, 12000, 488, 1, false, 0), "rejected case 7");
            RecordingSource source = new RecordingSource(recording, 12000, 488, 1);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => source.TryRead(new int[4], 1, 4, out int read), "rejected case 8");
        }

        private static int[] Ramp(int length)
        {
            int[] values = new int[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = (3 * i) - 50;
            }

            return values;
        }
    }
}
