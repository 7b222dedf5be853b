// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Iis3dwb;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of the <see cref="Iis3dwb"/> driver against <see cref="Iis3dwbSimulator"/>.
    /// </summary>
    [TestClass]
    public class Iis3dwbTests
    {
        // 200 samples take exactly 7500 microseconds at 26.667 kHz.
        private const int Microseconds200 = 7500;

        // Distinct values per axis and sample, spread over most of the 16-bit range.
        private static int Pattern(int axis, int sampleIndex)
        {
            return ((sampleIndex * 337) + (axis * 13111)) % 60000 - 30000;
        }

        private static Iis3dwb Started(Iis3dwbSimulator sim, int maxWordsPerBurst)
        {
            Iis3dwb driver = new Iis3dwb(sim, maxWordsPerBurst);
            Iis3dwbInitializationResult result = driver.TryInitialize(Iis3dwbRange.PlusMinus16G);
            Assert.AreEqual((int)Iis3dwbInitializationResult.Success, (int)result, "initialization failed");
            return driver;
        }

        [TestMethod]
        public void InitializationWritesTheConfiguration()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);

            Iis3dwb driver = Started(sim, Iis3dwb.DefaultMaxWordsPerBurst);

            Assert.AreEqual(0xA4, (int)sim.PeekRegister(Iis3dwbRegister.Ctrl1Xl), "26.667 kHz and FS 01 (16 g)");
            Assert.AreEqual(0x44, (int)sim.PeekRegister(Iis3dwbRegister.Ctrl3C), "BDU and IF_INC");
            Assert.AreEqual(0x00, (int)sim.PeekRegister(Iis3dwbRegister.FifoCtrl1), "watermark 256 low byte");
            Assert.AreEqual(0x01, (int)sim.PeekRegister(Iis3dwbRegister.FifoCtrl2), "watermark bit 8");
            Assert.AreEqual(0x0A, (int)sim.PeekRegister(Iis3dwbRegister.FifoCtrl3), "BDR_XL 26.667 kHz");
            Assert.AreEqual(0x06, (int)sim.PeekRegister(Iis3dwbRegister.FifoCtrl4), "continuous mode");
            Assert.AreEqual(0x08, (int)sim.PeekRegister(Iis3dwbRegister.Int1Ctrl), "FIFO threshold on INT1");
            Assert.AreEqual(0, sim.IllegalAccessCount);
            Assert.AreEqual(26667, driver.SampleRateHz);
            Assert.AreEqual(3, driver.Axes);
            Assert.AreEqual(488, driver.MicroGPerCountNumerator);
            Assert.AreEqual(1, driver.MicroGPerCountDenominator);
            Assert.IsTrue(driver.IsInitialized);
        }

        [TestMethod]
        [DataRow(0, 61, 0xA0)]
        [DataRow(2, 122, 0xA8)]
        [DataRow(3, 244, 0xAC)]
        [DataRow(1, 488, 0xA4)]
        public void FullScaleSetsTheCodeAndTheScale(int range, int microG, int ctrl1)
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            Iis3dwb driver = new Iis3dwb(sim);

            Iis3dwbInitializationResult result = driver.TryInitialize((Iis3dwbRange)range, 100);

            Assert.AreEqual((int)Iis3dwbInitializationResult.Success, (int)result);
            Assert.AreEqual(microG, driver.MicroGPerCountNumerator);
            Assert.AreEqual(ctrl1, (int)sim.PeekRegister(Iis3dwbRegister.Ctrl1Xl));
            Assert.AreEqual(100, (int)sim.PeekRegister(Iis3dwbRegister.FifoCtrl1));
        }

        [TestMethod]
        [DataRow(3, 255)]
        [DataRow(2, 0)]
        public void MissingChipIsReportedWithTheValueRead(int fault, int idRead)
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            sim.Fault = (SimulatorFault)fault;
            Iis3dwb driver = new Iis3dwb(sim);

            Iis3dwbInitializationResult result = driver.TryInitialize(Iis3dwbRange.PlusMinus2G);
            string expectedText = "0x" + ((byte)idRead).ToString("X2");

            Assert.AreEqual((int)Iis3dwbInitializationResult.NoDevice, (int)result);
            Assert.AreEqual(idRead, (int)driver.LastDeviceId);
            Assert.Contains(expectedText, driver.LastError);
            Assert.AreEqual(1, driver.Errors);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void WrongChipIsReportedWithTheValueRead()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            sim.DeviceId = 0x6C;
            Iis3dwb driver = new Iis3dwb(sim);

            Iis3dwbInitializationResult result = driver.TryInitialize(Iis3dwbRange.PlusMinus2G);

            Assert.AreEqual((int)Iis3dwbInitializationResult.WrongDevice, (int)result);
            Assert.Contains("0x6C", driver.LastError);
            Assert.Contains("0x7B", driver.LastError);
            Assert.AreEqual(0x04, (int)sim.PeekRegister(Iis3dwbRegister.Ctrl3C), "nothing configured");
        }

        [TestMethod]
        public void BusErrorDuringInitializationIsReported()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            sim.Fault = SimulatorFault.BusError;
            Iis3dwb driver = new Iis3dwb(sim);

            Iis3dwbInitializationResult result = driver.TryInitialize(Iis3dwbRange.PlusMinus2G);

            Assert.AreEqual((int)Iis3dwbInitializationResult.BusError, (int)result);
            Assert.Contains("WHO_AM_I", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
        }

        [TestMethod]
        public void StreamingReturnsTheSignalInOrderWithoutLoss()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);

            // Bursts of 16 words and reads of at most 70 samples: several bursts and reads per drain.
            Iis3dwb driver = Started(sim, 16);
            int total = 0;
            int[] values = new int[2000 * 3];

            while (total < 2000)
            {
                sim.Advance(Microseconds200);
                int read = -1;
                while (read != 0)
                {
                    int room = 2000 - total;
                    bool ok = driver.TryRead(values, total * 3, room < 70 ? room : 70, out read);
                    Assert.IsTrue(ok, "read failed");
                    total += read;
                }
            }

            int mismatches = 0;
            for (int i = 0; i < total; i++)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    if (values[(i * 3) + axis] != Pattern(axis, i))
                    {
                        mismatches++;
                    }
                }
            }

            Assert.AreEqual(2000, total);
            Assert.AreEqual(0, mismatches);
            Assert.AreEqual(0, driver.Overruns);
            Assert.AreEqual(0, driver.Errors);
            Assert.AreEqual(0, sim.LostSampleCount);
        }

        [TestMethod]
        public void LateDrainCountsAnOverrunAndReturnsTheLatestSamples()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            Iis3dwb driver = Started(sim, Iis3dwb.DefaultMaxWordsPerBurst);
            int[] values = new int[600 * 3];

            sim.Advance(Microseconds200 * 3);
            int read;
            bool ok = driver.TryRead(values, 0, 600, out read);
            int firstX = values[0];
            int expectedFirstX = Pattern(0, 88);
            int lastZ = values[(511 * 3) + 2];
            int expectedLastZ = Pattern(2, 599);
            int again;
            driver.TryRead(values, 0, 600, out again);

            Assert.IsTrue(ok);
            Assert.AreEqual(512, read);
            Assert.AreEqual(1, driver.Overruns, "counted once: the latched flag was cleared by the read");
            Assert.AreEqual(expectedFirstX, firstX, "the 88 oldest samples were overwritten");
            Assert.AreEqual(expectedLastZ, lastZ);
            Assert.AreEqual(0, again);
        }

        [TestMethod]
        public void BusErrorWhileStreamingIsCountedAndLosesNoData()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            Iis3dwb driver = Started(sim, Iis3dwb.DefaultMaxWordsPerBurst);
            int[] values = new int[300 * 3];
            sim.Advance(Microseconds200);

            sim.FailNextTransfers(1);
            int failedRead;
            bool failed = driver.TryRead(values, 0, 300, out failedRead);
            int read;
            bool recovered = driver.TryRead(values, 0, 300, out read);
            int firstX = values[0];
            int expectedFirstX = Pattern(0, 0);

            Assert.IsFalse(failed);
            Assert.AreEqual(0, failedRead);
            Assert.AreEqual(1, driver.Errors);
            Assert.Contains("bus error", driver.LastError);
            Assert.IsTrue(recovered);
            Assert.AreEqual(200, read);
            Assert.AreEqual(expectedFirstX, firstX);
        }

        [TestMethod]
        public void ChipVanishingMidStreamIsAnError()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            Iis3dwb driver = Started(sim, Iis3dwb.DefaultMaxWordsPerBurst);
            int[] values = new int[512 * 3];
            sim.Advance(Microseconds200);

            sim.Fault = SimulatorFault.AbsentReadsOnes;
            int read;
            bool ok = driver.TryRead(values, 0, 512, out read);

            Assert.IsFalse(ok, "DIFF_FIFO 1023 is not a valid level");
            Assert.AreEqual(0, read);
            Assert.AreEqual(1, driver.Errors);
            Assert.Contains("0xFF", driver.LastError);
        }

        [TestMethod]
        public void WordWithAForeignTagFailsTheRead()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            Iis3dwb driver = new Iis3dwb(new TagCorruptingBus(sim));
            driver.TryInitialize(Iis3dwbRange.PlusMinus16G);
            int[] values = new int[10 * 3];
            sim.Advance(Microseconds200);

            int read;
            bool ok = driver.TryRead(values, 0, 10, out read);
            int firstX = values[0];
            int expectedFirstX = Pattern(0, 0);

            Assert.IsFalse(ok);
            Assert.AreEqual(1, read, "the word before the foreign tag is kept");
            Assert.AreEqual(expectedFirstX, firstX);
            Assert.Contains("0x18", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
        }

        [TestMethod]
        public void ReadStopsAtMaxSamplesAndLeavesTheRestInTheFifo()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            Iis3dwb driver = Started(sim, Iis3dwb.DefaultMaxWordsPerBurst);
            int[] values = new int[5 * 3];
            sim.Advance(Microseconds200);

            int read;
            driver.TryRead(values, 0, 5, out read);

            Assert.AreEqual(5, read);
            Assert.AreEqual(195, sim.FifoCount);
        }

        [TestMethod]
        public void ReadBeforeInitializationThrows()
        {
            Assert.ThrowsException(typeof(InvalidOperationException), ReadUninitialized);
        }

        [TestMethod]
        public void ReadRangeOutsideTheArrayThrows()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), ReadTooMany);
        }

        [TestMethod]
        public void WatermarkOutsideTheFieldThrows()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), InitializeWithWatermark512);
        }

        private static void ReadUninitialized()
        {
            Iis3dwb driver = new Iis3dwb(new Iis3dwbSimulator(Pattern));
            int read;
            driver.TryRead(new int[3], 0, 1, out read);
        }

        private static void ReadTooMany()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Pattern);
            Iis3dwb driver = Started(sim, Iis3dwb.DefaultMaxWordsPerBurst);
            int read;
            driver.TryRead(new int[6], 1, 2, out read);
        }

        private static void InitializeWithWatermark512()
        {
            Iis3dwb driver = new Iis3dwb(new Iis3dwbSimulator(Pattern));
            driver.TryInitialize(Iis3dwbRange.PlusMinus2G, 512);
        }
    }
    /// <summary>
    /// A bus that passes everything to an <see cref="Iis3dwbSimulator"/> but turns the tag of the second word
    /// of every FIFO burst into a temperature tag (TAG_SENSOR 0x03), as a misconfigured FIFO would deliver.
    /// </summary>
    internal sealed class TagCorruptingBus : TinTin.Sensors.Bus.IRegisterBus
    {
        private readonly Iis3dwbSimulator _inner;

        public TagCorruptingBus(Iis3dwbSimulator inner)
        {
            _inner = inner;
        }

        public int ErrorCount
        {
            get { return _inner.ErrorCount; }
        }

        public bool TryReadRegister(byte register, out byte value)
        {
            return _inner.TryReadRegister(register, out value);
        }

        public bool TryWriteRegister(byte register, byte value)
        {
            return _inner.TryWriteRegister(register, value);
        }

        public bool TryReadBurst(byte startRegister, byte[] buffer, int offset, int count)
        {
            bool ok = _inner.TryReadBurst(startRegister, buffer, offset, count);
            if (ok && startRegister == Iis3dwbRegister.FifoDataOutTag && count >= 14)
            {
                buffer[offset + 7] = 0x18;
            }

            return ok;
        }
    }
}
