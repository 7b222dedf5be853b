// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of the <see cref="Adxl345"/> driver against <see cref="Adxl345Simulator"/>.
    /// </summary>
    [TestClass]
    public class Adxl345Tests
    {
        private const int Period800 = 1250;

        // Distinct values per axis and sample, inside the 16 g full-resolution range (-4096..4095).
        private static int Pattern(int axis, int sampleIndex)
        {
            return ((sampleIndex * 37) + (axis * 1311)) % 8000 - 4000;
        }

        private static Adxl345 Started(Adxl345Simulator sim, Adxl345DataRate rate)
        {
            Adxl345 driver = new Adxl345(sim);
            Adxl345InitializationResult result = driver.TryInitialize(rate, Adxl345Range.PlusMinus16G);
            Assert.AreEqual((int)Adxl345InitializationResult.Success, (int)result, "initialization failed");
            return driver;
        }

        [TestMethod]
        public void InitializationWritesTheConfiguration()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);

            Adxl345 driver = Started(sim, Adxl345DataRate.Hz3200);

            Assert.AreEqual(0x0F, (int)sim.PeekRegister(Adxl345Register.BwRate));
            Assert.AreEqual(0x0B, (int)sim.PeekRegister(Adxl345Register.DataFormat), "full resolution 16 g right-justified");
            Assert.AreEqual(0x90, (int)sim.PeekRegister(Adxl345Register.FifoCtl), "stream with watermark 16");
            Assert.AreEqual(0x08, (int)sim.PeekRegister(Adxl345Register.PowerCtl));
            Assert.AreEqual(0x03, (int)sim.PeekRegister(Adxl345Register.IntEnable), "watermark and overrun");
            Assert.AreEqual(0x00, (int)sim.PeekRegister(Adxl345Register.IntMap), "all on INT1");
            Assert.AreEqual(0, sim.IllegalAccessCount);
            Assert.AreEqual(3200, driver.SampleRateHz);
            Assert.AreEqual(3, driver.Axes);
            Assert.AreEqual(3900, driver.MicroGPerCountNumerator);
            Assert.AreEqual(1, driver.MicroGPerCountDenominator);
            Assert.IsTrue(driver.IsInitialized);
        }

        [TestMethod]
        [DataRow(10, 100)]
        [DataRow(13, 800)]
        [DataRow(14, 1600)]
        public void SampleRateFollowsTheRateCode(int code, int expectedHz)
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);

            Adxl345 driver = Started(sim, (Adxl345DataRate)code);

            Assert.AreEqual(expectedHz, driver.SampleRateHz);
        }

        [TestMethod]
        [DataRow(3, 255)]
        [DataRow(2, 0)]
        public void MissingChipIsReportedWithTheValueRead(int fault, int idRead)
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            sim.Fault = (SimulatorFault)fault;
            Adxl345 driver = new Adxl345(sim);

            Adxl345InitializationResult result = driver.TryInitialize(Adxl345DataRate.Hz800, Adxl345Range.PlusMinus2G);
            string expectedText = "0x" + ((byte)idRead).ToString("X2");

            Assert.AreEqual((int)Adxl345InitializationResult.NoDevice, (int)result);
            Assert.AreEqual(idRead, (int)driver.LastDeviceId);
            Assert.Contains(expectedText, driver.LastError);
            Assert.AreEqual(1, driver.Errors);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void WrongChipIsReportedWithTheValueRead()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            sim.DeviceId = 0xE6;
            Adxl345 driver = new Adxl345(sim);

            Adxl345InitializationResult result = driver.TryInitialize(Adxl345DataRate.Hz800, Adxl345Range.PlusMinus2G);

            Assert.AreEqual((int)Adxl345InitializationResult.WrongDevice, (int)result);
            Assert.Contains("0xE6", driver.LastError);
            Assert.Contains("0xE5", driver.LastError);
            Assert.AreEqual(0, (int)sim.PeekRegister(Adxl345Register.PowerCtl), "nothing configured");
        }

        [TestMethod]
        public void BusErrorDuringInitializationIsReported()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            sim.Fault = SimulatorFault.BusError;
            Adxl345 driver = new Adxl345(sim);

            Adxl345InitializationResult result = driver.TryInitialize(Adxl345DataRate.Hz800, Adxl345Range.PlusMinus2G);

            Assert.AreEqual((int)Adxl345InitializationResult.BusError, (int)result);
            Assert.Contains("DEVID", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
        }

        [TestMethod]
        public void StreamingReturnsTheSignalInOrderWithoutLoss()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            Adxl345 driver = Started(sim, Adxl345DataRate.Hz800);
            int total = 0;
            int[] values = new int[600 * 3];

            // Drain every 20 samples (25 ms), within the 32-entry FIFO; reads of at most 7 samples
            // force several reads per drain.
            while (total < 580)
            {
                sim.Advance(Period800 * 20);
                int read = -1;
                while (read != 0)
                {
                    bool ok = driver.TryRead(values, total * 3, 7, out read);
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

            Assert.AreEqual(580, total);
            Assert.AreEqual(0, mismatches);
            Assert.AreEqual(0, driver.Overruns);
            Assert.AreEqual(0, driver.Errors);
            Assert.AreEqual(0, sim.LostSampleCount);
        }

        [TestMethod]
        public void LateDrainCountsAnOverrunAndReturnsTheLatestSamples()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            Adxl345 driver = Started(sim, Adxl345DataRate.Hz800);
            int[] values = new int[40 * 3];

            sim.Advance(Period800 * 40);
            int read;
            bool ok = driver.TryRead(values, 0, 40, out read);
            int firstX = values[0];
            int expectedFirstX = Pattern(0, 8);
            int lastZ = values[(31 * 3) + 2];
            int expectedLastZ = Pattern(2, 39);

            Assert.IsTrue(ok);
            Assert.AreEqual(32, read);
            Assert.AreEqual(1, driver.Overruns);
            Assert.AreEqual(expectedFirstX, firstX, "the 8 oldest samples were overwritten");
            Assert.AreEqual(expectedLastZ, lastZ);
        }

        [TestMethod]
        public void BusErrorWhileStreamingIsCountedAndLosesNoData()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            Adxl345 driver = Started(sim, Adxl345DataRate.Hz800);
            int[] values = new int[32 * 3];
            sim.Advance(Period800 * 10);

            sim.FailNextTransfers(1);
            int failedRead;
            bool failed = driver.TryRead(values, 0, 32, out failedRead);
            int read;
            bool recovered = driver.TryRead(values, 0, 32, out read);
            int firstX = values[0];
            int expectedFirstX = Pattern(0, 0);

            Assert.IsFalse(failed);
            Assert.AreEqual(0, failedRead);
            Assert.AreEqual(1, driver.Errors);
            Assert.Contains("bus error", driver.LastError);
            Assert.IsTrue(recovered);
            Assert.AreEqual(10, read);
            Assert.AreEqual(expectedFirstX, firstX);
        }

        [TestMethod]
        public void ChipVanishingMidStreamIsAnError()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            Adxl345 driver = Started(sim, Adxl345DataRate.Hz800);
            int[] values = new int[33 * 3];
            sim.Advance(Period800 * 5);

            sim.Fault = SimulatorFault.AbsentReadsOnes;
            int read;
            bool ok = driver.TryRead(values, 0, 33, out read);

            Assert.IsFalse(ok, "FIFO_STATUS 0xFF is not a valid entry count");
            Assert.AreEqual(0, read);
            Assert.AreEqual(1, driver.Errors);
            Assert.Contains("0xFF", driver.LastError);
        }

        [TestMethod]
        public void ReadStopsAtMaxSamplesAndLeavesTheRestInTheFifo()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            Adxl345 driver = Started(sim, Adxl345DataRate.Hz800);
            int[] values = new int[5 * 3];
            sim.Advance(Period800 * 20);

            int read;
            driver.TryRead(values, 0, 5, out read);

            Assert.AreEqual(5, read);
            Assert.AreEqual(15, sim.FifoCount);
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

        private static void ReadUninitialized()
        {
            Adxl345 driver = new Adxl345(new Adxl345Simulator(Pattern));
            int read;
            driver.TryRead(new int[3], 0, 1, out read);
        }

        private static void ReadTooMany()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Pattern);
            Adxl345 driver = Started(sim, Adxl345DataRate.Hz800);
            int read;
            driver.TryRead(new int[6], 1, 2, out read);
        }
    }
}
