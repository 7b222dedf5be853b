// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Acquisition;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of <see cref="SyntheticBearingSource"/> and <see cref="BearingGeometry"/>: determinism, range,
    /// burst independence, and impulse trains at the published CWRU defect frequencies.
    /// </summary>
    [TestClass]
    public class SyntheticBearingSourceTests
    {
        // Half a second at the default 12 kHz.
        private const int HalfSecond = 6000;

        // Impulse detection on the first difference (it removes the 30 Hz shaft harmonics but keeps the
        // 3 kHz ringing): 0.3 A, well above the noise difference (at most A/16) and well below the
        // smallest first ringing step (about 0.46 A).
        private const int OnsetThreshold = 600;

        // 2 ms: longer than a ring-down, shorter than the shortest defect period here (6.2 ms).
        private const int RefractorySamples = 24;

        [TestMethod]
        public void SameSeedGivesTheSameSamples()
        {
            int[] a = Generate(FaultKind.InnerRace, 42, 4096);
            int[] b = Generate(FaultKind.InnerRace, 42, 4096);

            for (int i = 0; i < a.Length; i++)
            {
                Assert.AreEqual(a[i], b[i], "same seed");
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void DifferentSeedsGiveDifferentSamples(int fault)
        {
            int[] a = Generate((FaultKind)fault, 1, 4096);
            int[] b = Generate((FaultKind)fault, 2, 4096);

            Assert.IsTrue(CountDifferences(a, b) > 2048, "most samples differ");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void SamplesStayWithinTheModelBound(int fault)
        {
            int amplitude = SyntheticBearingSource.DefaultAmplitudeCounts;
            int[] x = Generate((FaultKind)fault, 7, HalfSecond);

            // A/4 + A/8 (harmonics) + A (impulse) + A/32 (noise), plus rounding.
            int bound = (amplitude / 4) + (amplitude / 8) + amplitude + (amplitude / 32) + 4;
            for (int i = 0; i < x.Length; i++)
            {
                Assert.IsTrue(x[i] <= bound && x[i] >= -bound, "within bound");
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void FullScaleAmplitudeSaturatesToInt16(int fault)
        {
            SyntheticBearingSource source = new SyntheticBearingSource((FaultKind)fault, 3, 12000, 1797, 32767, 3000, BearingGeometry.Skf6205);
            int[] x = new int[HalfSecond];
            int read;
            source.TryRead(x, 0, x.Length, out read);

            int extreme = 0;
            for (int i = 0; i < x.Length; i++)
            {
                Assert.IsTrue(x[i] <= short.MaxValue && x[i] >= short.MinValue, "int16 range");
                int magnitude = x[i] < 0 ? -x[i] : x[i];
                if (magnitude > extreme)
                {
                    extreme = magnitude;
                }
            }

            // The signal uses the range: at least the shaft harmonics (A/4 + A/8) are present.
            Assert.IsTrue(extreme > 8000, "signal present");
        }

        [TestMethod]
        public void BurstSizesDoNotChangeTheStream()
        {
            int[] whole = Generate(FaultKind.Ball, 99, 3000);

            SyntheticBearingSource source = new SyntheticBearingSource(FaultKind.Ball, 99);
            int[] pieces = new int[3000];
            int[] bursts = new int[] { 1, 7, 64, 0, 333 };
            int position = 0;
            int k = 0;
            while (position < pieces.Length)
            {
                int n = bursts[k % bursts.Length];
                if (n > pieces.Length - position)
                {
                    n = pieces.Length - position;
                }

                int read;
                Assert.IsTrue(source.TryRead(pieces, position, n, out read), "read succeeds");
                Assert.AreEqual(n, read);
                position += read;
                k++;
            }

            for (int i = 0; i < whole.Length; i++)
            {
                Assert.AreEqual(whole[i], pieces[i], "burst independent");
            }

            Assert.AreEqual(3000L, source.SamplesGenerated);
        }

        [TestMethod]
        [DataRow(1, 54152)]
        [DataRow(2, 35848)]
        [DataRow(3, 47135)]
        public void ImpulsePeriodMatchesTheCwruDefectFrequency(int fault, int multiplierTimes10000)
        {
            // Published CWRU multiples of the shaft speed (BPFI 5.4152, BPFO 3.5848, ball 4.7135) at 1797 rpm.
            long expectedMilliHz = ((long)multiplierTimes10000 * 1797 * 1000) / (60L * 10000);
            long expectedPeriodMilliSamples = (12000L * 1000000) / expectedMilliHz;

            int[] x = Generate((FaultKind)fault, 5, HalfSecond);
            int[] onsets = DetectOnsets(x);
            int count = onsets[0];

            // About 80 impulses in half a second: all of them found, none extra.
            long expectedCount = (expectedMilliHz * HalfSecond) / (12000L * 1000);
            Assert.IsTrue(count >= expectedCount - 1 && count <= expectedCount + 1, "impulse count");

            long meanPeriodMilliSamples = ((long)(onsets[2] - onsets[1]) * 1000) / (count - 1);
            long error = meanPeriodMilliSamples - expectedPeriodMilliSamples;
            if (error < 0)
            {
                error = -error;
            }

            Assert.IsTrue(error * 50 <= expectedPeriodMilliSamples, "mean interval within 2 percent");
        }

        [TestMethod]
        public void HealthyHasNoImpulses()
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                int[] onsets = DetectOnsets(Generate(FaultKind.Healthy, seed, HalfSecond));
                Assert.AreEqual(0, onsets[0], "no impulse");
            }
        }

        [TestMethod]
        public void EveryClassDiffersFromEveryOther()
        {
            int[][] signals = new int[4][];
            long[] periods = new long[4];
            for (int f = 0; f < 4; f++)
            {
                signals[f] = Generate((FaultKind)f, 11, HalfSecond);
                int[] onsets = DetectOnsets(signals[f]);
                periods[f] = onsets[0] < 2 ? 0 : ((long)(onsets[2] - onsets[1]) * 1000) / (onsets[0] - 1);
            }

            for (int a = 0; a < 4; a++)
            {
                for (int b = a + 1; b < 4; b++)
                {
                    Assert.IsTrue(CountDifferences(signals[a], signals[b]) > 100, "signals differ");

                    // Impulse periods (0 when healthy) differ by more than 10 percent.
                    long difference = periods[a] - periods[b];
                    if (difference < 0)
                    {
                        difference = -difference;
                    }

                    long larger = periods[a] > periods[b] ? periods[a] : periods[b];
                    Assert.IsTrue(difference * 10 > larger, "periods differ");
                }
            }
        }

        [TestMethod]
        public void Skf6205MultipliersMatchThePublishedValues()
        {
            BearingGeometry g = BearingGeometry.Skf6205;

            // CWRU drive-end bearing: BPFI 5.4152, BPFO 3.5848, FTF 0.39828, ball (2 BSF) 4.7135, within 0.05 %.
            AssertRatio(54152, g.BpfiQ16, "BPFI");
            AssertRatio(35848, g.BpfoQ16, "BPFO");
            AssertRatio(3983, g.FtfQ16, "FTF");
            AssertRatio(47135, g.BallDefectQ16, "ball");
            Assert.AreEqual(g.BpfiQ16, g.DefectMultiplierQ16(FaultKind.InnerRace));
            Assert.AreEqual(0, g.DefectMultiplierQ16(FaultKind.Healthy));
        }

        [TestMethod]
        public void DefaultsFollowCwru()
        {
            SyntheticBearingSource source = new SyntheticBearingSource(FaultKind.OuterRace, 1);

            Assert.AreEqual(12000, source.SampleRateHz);
            Assert.AreEqual(1797, source.ShaftRpm);
            Assert.AreEqual(1, source.Axes);
            Assert.AreEqual(0, source.Overruns);
            Assert.AreEqual(0, source.Errors);

            // BPFO at 1797 rpm = 3.5848 * 29.95 Hz = 107.36 Hz.
            Assert.IsTrue(source.DefectFrequencyMilliHz > 107300 && source.DefectFrequencyMilliHz < 107420, "BPFO");

            // Ring-down per sample exp(-1/6) = 0.8465 in Q15 = 27738.
            Assert.IsTrue(source.ResonanceDecayQ15 >= 27737 && source.ResonanceDecayQ15 <= 27739, "decay");
        }

        [TestMethod]
        public void RejectsInvalidArguments()
        {
            BearingGeometry g = BearingGeometry.Skf6205;
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SyntheticBearingSource(FaultKind.Ball, 1, 12000, 1797, 2000, 3000, null), "rejected case 2");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SyntheticBearingSource((FaultKind)9, 1, 12000, 1797, 2000, 3000, g), "rejected case 3");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SyntheticBearingSource(FaultKind.Ball, 1, 12000, 1797, 2000, 6000, g), "rejected case 4");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SyntheticBearingSource(FaultKind.Ball, 1, 12000, 1797, 0, 3000, g), "rejected case 5");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SyntheticBearingSource(FaultKind.Ball, 1, 12000, 0, 2000, 3000, g), "rejected case 6");

            // BPFI at 90 000 rpm is 8.1 kHz: above half of 12 kHz.
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SyntheticBearingSource(FaultKind.InnerRace, 1, 12000, 90000, 2000, 3000, g), "rejected case 7");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new BearingGeometry(9, 8000, 8000, 0), "rejected case 8");

            SyntheticBearingSource source = new SyntheticBearingSource(FaultKind.Healthy, 1);
            int read;
            Assert.ThrowsException(typeof(ArgumentNullException), () => source.TryRead(null, 0, 1, out read), "rejected case 9");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => source.TryRead(new int[4], 1, 4, out read), "rejected case 10");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => source.TryRead(new int[4], 0, -1, out read), "rejected case 11");
        }

        private static int[] Generate(FaultKind fault, int seed, int count)
        {
            SyntheticBearingSource source = new SyntheticBearingSource(fault, seed);
            int[] x = new int[count];
            int read;
            source.TryRead(x, 0, count, out read);
            return x;
        }

        private static int CountDifferences(int[] a, int[] b)
        {
            int differences = 0;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    differences++;
                }
            }

            return differences;
        }

        // Returns { onset count, first onset, last onset }: an onset is the first sample whose first
        // difference exceeds the threshold at least RefractorySamples after the previous onset.
        private static int[] DetectOnsets(int[] x)
        {
            int count = 0;
            int first = -1;
            int last = -RefractorySamples;
            for (int i = 1; i < x.Length; i++)
            {
                int d = x[i] - x[i - 1];
                if (d < 0)
                {
                    d = -d;
                }

                if (d > OnsetThreshold && i - last >= RefractorySamples)
                {
                    if (count == 0)
                    {
                        first = i;
                    }

                    last = i;
                    count++;
                }
            }

            return new int[] { count, first, last };
        }

        private static void AssertRatio(int expectedTimes10000, int actualQ16, string name)
        {
            // |actual / 65536 - expected / 10000| <= 0.0005 * expected / 10000.
            long actualScaled = (long)actualQ16 * 10000;
            long expectedScaled = (long)expectedTimes10000 * 65536;
            long error = actualScaled - expectedScaled;
            if (error < 0)
            {
                error = -error;
            }

            Assert.IsTrue(error * 2000 <= expectedScaled, name);
        }
    }
}
