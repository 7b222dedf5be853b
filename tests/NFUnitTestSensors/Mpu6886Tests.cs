// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Bus;
using TinTin.Sensors.Devices.Mpu6886;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of the <see cref="Mpu6886"/> driver against <see cref="Mpu6886Simulator"/>.
    /// </summary>
    [TestClass]
    public class Mpu6886Tests
    {
        private const int Period1000 = 1000;

        // Distinct values per axis and sample, covering most of the 16-bit range.
        private static int Pattern(int axis, int sampleIndex)
        {
            return ((sampleIndex * 1237) + (axis * 21011)) % 64000 - 32000;
        }

        private static Mpu6886 Started(Mpu6886Simulator sim, int divider)
        {
            Mpu6886 driver = new Mpu6886(sim);
            Mpu6886InitializationResult result = driver.TryInitialize(Mpu6886Range.PlusMinus16G, divider);
            Assert.AreEqual((int)Mpu6886InitializationResult.Success, (int)result, "initialization failed");
            return driver;
        }

        private static int Mismatches(int[] values, int firstIndex, int count)
        {
            int mismatches = 0;
            for (int i = 0; i < count; i++)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    if (values[(i * 3) + axis] != Pattern(axis, firstIndex + i))
                    {
                        mismatches++;
                    }
                }
            }

            return mismatches;
        }

        [TestMethod]
        public void InitializationWritesTheConfiguration()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);

            Mpu6886 driver = Started(sim, 0);

            Assert.AreEqual(0x01, (int)sim.PeekRegister(Mpu6886Register.PowerManagement1), "awake with CLKSEL 1");
            Assert.AreEqual(0x07, (int)sim.PeekRegister(Mpu6886Register.PowerManagement2), "gyroscope in standby");
            Assert.AreEqual(0x02, (int)sim.PeekRegister(Mpu6886Register.AccelIntelControl), "OUTPUT_LIMIT");
            Assert.AreEqual(0x41, (int)sim.PeekRegister(Mpu6886Register.Config), "stop when full and DLPF_CFG 1");
            Assert.AreEqual(0x00, (int)sim.PeekRegister(Mpu6886Register.SampleRateDivider));
            Assert.AreEqual(0x18, (int)sim.PeekRegister(Mpu6886Register.AccelConfig), "16 g");
            Assert.AreEqual(0x07, (int)sim.PeekRegister(Mpu6886Register.AccelConfig2), "420 Hz filter");
            Assert.AreEqual(0x08, (int)sim.PeekRegister(Mpu6886Register.FifoEnable), "accelerometer only");
            Assert.AreEqual(0x10, (int)sim.PeekRegister(Mpu6886Register.IntEnable), "FIFO overflow");
            Assert.AreEqual(0x40, (int)sim.PeekRegister(Mpu6886Register.UserControl), "FIFO on");
            Assert.AreEqual(0, sim.IllegalAccessCount);
            Assert.AreEqual(1000, driver.SampleRateHz);
            Assert.AreEqual(3, driver.Axes);
            Assert.IsTrue(driver.IsInitialized);
        }

        [TestMethod]
        [DataRow(0, 256)]
        [DataRow(1, 128)]
        [DataRow(2, 64)]
        [DataRow(3, 32)]
        public void ScaleFollowsTheRange(int range, int denominator)
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            Mpu6886 driver = new Mpu6886(sim);

            driver.TryInitialize((Mpu6886Range)range, 0);

            Assert.AreEqual(range << 3, (int)sim.PeekRegister(Mpu6886Register.AccelConfig));
            Assert.AreEqual(15625, driver.MicroGPerCountNumerator);
            Assert.AreEqual(denominator, driver.MicroGPerCountDenominator);

            // One g in counts maps to exactly 1,000,000 micro-g.
            Assert.AreEqual(1000000, (16384 >> range) * driver.MicroGPerCountNumerator / driver.MicroGPerCountDenominator);
        }

        [TestMethod]
        [DataRow(0, 1000, 7)]
        [DataRow(1, 500, 1)]
        [DataRow(4, 200, 2)]
        [DataRow(9, 100, 3)]
        [DataRow(19, 50, 4)]
        [DataRow(99, 10, 5)]
        public void DividerSetsTheRateAndAFilterBelowHalfOfIt(int divider, int expectedHz, int filterCode)
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);

            Mpu6886 driver = Started(sim, divider);

            Assert.AreEqual(expectedHz, driver.SampleRateHz);
            Assert.AreEqual(divider, (int)sim.PeekRegister(Mpu6886Register.SampleRateDivider));
            Assert.AreEqual(filterCode, (int)sim.PeekRegister(Mpu6886Register.AccelConfig2));
            Assert.AreEqual(1000 * (1 + divider), sim.PeriodMicroseconds());
        }

        [TestMethod]
        [DataRow(3, 255)]
        [DataRow(2, 0)]
        public void MissingChipIsReportedWithTheValueRead(int fault, int idRead)
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            sim.Fault = (SimulatorFault)fault;
            Mpu6886 driver = new Mpu6886(sim);

            Mpu6886InitializationResult result = driver.TryInitialize(Mpu6886Range.PlusMinus2G, 0);
            string expectedText = "0x" + ((byte)idRead).ToString("X2");

            Assert.AreEqual((int)Mpu6886InitializationResult.NoDevice, (int)result);
            Assert.AreEqual(idRead, (int)driver.LastDeviceId);
            Assert.Contains(expectedText, driver.LastError);
            Assert.AreEqual(1, driver.Errors);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void WrongChipIsReportedWithTheValueRead()
        {
            // 0x68 is what an MPU-6050 or MPU-6000 answers.
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            sim.DeviceId = 0x68;
            Mpu6886 driver = new Mpu6886(sim);

            Mpu6886InitializationResult result = driver.TryInitialize(Mpu6886Range.PlusMinus2G, 0);

            Assert.AreEqual((int)Mpu6886InitializationResult.WrongDevice, (int)result);
            Assert.Contains("0x68", driver.LastError);
            Assert.Contains("0x19", driver.LastError);
            Assert.AreEqual(0x41, (int)sim.PeekRegister(Mpu6886Register.PowerManagement1), "nothing configured");
        }

        [TestMethod]
        public void BusErrorDuringInitializationIsReported()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            sim.Fault = SimulatorFault.BusError;
            Mpu6886 driver = new Mpu6886(sim);

            Mpu6886InitializationResult result = driver.TryInitialize(Mpu6886Range.PlusMinus2G, 0);

            Assert.AreEqual((int)Mpu6886InitializationResult.BusError, (int)result);
            Assert.Contains("WHO_AM_I", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
        }

        [TestMethod]
        public void InvalidArgumentsThrow()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), InitializeWithDivider256);
            Assert.ThrowsException(typeof(ArgumentNullException), CreateWithoutBus);
            Assert.ThrowsException(typeof(InvalidOperationException), ReadBeforeInitialization);
        }

        private static void InitializeWithDivider256()
        {
            new Mpu6886(new Mpu6886Simulator(Pattern)).TryInitialize(Mpu6886Range.PlusMinus2G, 256);
        }

        private static void CreateWithoutBus()
        {
            new Mpu6886(null);
        }

        private static void ReadBeforeInitialization()
        {
            int read;
            new Mpu6886(new Mpu6886Simulator(Pattern)).TryRead(new int[3], 0, 1, out read);
        }

        [TestMethod]
        public void StreamingReturnsTheSignalInOrderWithoutLoss()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            Mpu6886 driver = Started(sim, 0);
            int total = 0;
            int[] values = new int[600 * 3];

            // Drain every 50 samples (50 ms), within the 128-record FIFO; reads of at most 7 samples
            // force several reads per drain.
            while (total < 550)
            {
                sim.Advance(Period1000 * 50);
                int read = -1;
                while (read != 0)
                {
                    bool ok = driver.TryRead(values, total * 3, 7, out read);
                    Assert.IsTrue(ok, "read failed");
                    total += read;
                }
            }

            Assert.AreEqual(550, total);
            Assert.AreEqual(0, Mismatches(values, 0, total), "mismatching values");
            Assert.AreEqual(0, driver.Overruns);
            Assert.AreEqual(0, driver.Errors);
            Assert.AreEqual(0, sim.LostSampleCount);
        }

        [TestMethod]
        public void LargeReadsAreSplitIntoBurstsAndStayAligned()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            Mpu6886 driver = Started(sim, 0);
            int[] values = new int[128 * 3];
            int read;

            sim.Advance(Period1000 * 100);
            bool ok = driver.TryRead(values, 0, 128, out read);

            Assert.IsTrue(ok);
            Assert.AreEqual(100, read, "100 records in four bursts of at most 32");
            Assert.AreEqual(0, Mismatches(values, 0, read), "mismatching values");
            Assert.AreEqual(0, sim.FifoByteCount);
        }

        [TestMethod]
        public void FullFifoCountsAnOverrunAndKeepsWholeRecords()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            Mpu6886 driver = Started(sim, 0);
            int[] values = new int[128 * 3];
            int read;

            sim.Advance(Period1000 * 200);
            bool ok = driver.TryRead(values, 0, 128, out read);

            Assert.IsTrue(ok);
            Assert.AreEqual(128, read);
            Assert.AreEqual(0, Mismatches(values, 0, read), "stop-when-full keeps the first 128 samples");
            Assert.AreEqual(1, driver.Overruns);
            Assert.AreEqual(72, sim.LostSampleCount);

            sim.Advance(Period1000 * 10);
            ok = driver.TryRead(values, 0, 128, out read);

            Assert.IsTrue(ok);
            Assert.AreEqual(10, read);
            Assert.AreEqual(0, Mismatches(values, 200, read), "sampling goes on after the gap");
            Assert.AreEqual(1, driver.Overruns, "the overflow flag was cleared by the first read");
        }

        [TestMethod]
        public void BusErrorDuringReadIsCountedAndReadingRecovers()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            Mpu6886 driver = Started(sim, 0);
            int[] values = new int[64 * 3];
            int read;

            sim.Advance(Period1000 * 10);
            sim.FailNextTransfers(1);
            bool failed = driver.TryRead(values, 0, 64, out read);
            bool ok = driver.TryRead(values, 0, 64, out read);

            Assert.IsFalse(failed);
            Assert.Contains("INT_STATUS", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
            Assert.IsTrue(ok);
            Assert.AreEqual(10, read);
            Assert.AreEqual(0, Mismatches(values, 0, read), "mismatching values");
        }

        [TestMethod]
        public void FailedFifoBurstResetsTheFifoBeforeTheNextRead()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            FifoBurstBreaker bus = new FifoBurstBreaker(sim);
            Mpu6886 driver = new Mpu6886(bus);
            Assert.AreEqual((int)Mpu6886InitializationResult.Success, (int)driver.TryInitialize(Mpu6886Range.PlusMinus16G, 0), "initialization failed");
            int[] values = new int[64 * 3];
            int read;

            sim.Advance(Period1000 * 10);
            bus.BreakNextFifoBurst = true;
            bool failed = driver.TryRead(values, 0, 64, out read);
            sim.Advance(Period1000 * 5);
            bool ok = driver.TryRead(values, 0, 64, out read);

            Assert.IsFalse(failed);
            Assert.Contains("FIFO_R_W", driver.LastError);
            Assert.IsTrue(ok);
            Assert.AreEqual(0, read, "the FIFO was reset: the misaligned bytes are gone");
            Assert.AreEqual(1, driver.Overruns, "the lost data counts as an overrun");

            sim.Advance(Period1000 * 4);
            ok = driver.TryRead(values, 0, 64, out read);

            Assert.IsTrue(ok);
            Assert.AreEqual(4, read);
            Assert.AreEqual(0, Mismatches(values, 15, read), "records are aligned again");
        }

        [TestMethod]
        public void CorruptFifoCountIsAnError()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Pattern);
            Mpu6886 driver = Started(sim, 0);
            int[] values = new int[8 * 3];
            int read;

            sim.Fault = SimulatorFault.AbsentReadsOnes;
            bool ok = driver.TryRead(values, 0, 8, out read);

            Assert.IsFalse(ok);
            Assert.AreEqual(0, read);
            Assert.Contains("FIFO_COUNT", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
        }
    }

    /// <summary>
    /// Passes transfers through to a simulator, but can make the next FIFO_R_W burst fail after popping
    /// three bytes, as a transfer that breaks off half-way does.
    /// </summary>
    internal sealed class FifoBurstBreaker : IRegisterBus
    {
        private readonly Mpu6886Simulator _sim;
        private int _errors;

        internal FifoBurstBreaker(Mpu6886Simulator sim)
        {
            _sim = sim;
        }

        internal bool BreakNextFifoBurst { get; set; }

        public int ErrorCount
        {
            get { return _errors + _sim.ErrorCount; }
        }

        public bool TryReadRegister(byte register, out byte value)
        {
            return _sim.TryReadRegister(register, out value);
        }

        public bool TryWriteRegister(byte register, byte value)
        {
            return _sim.TryWriteRegister(register, value);
        }

        public bool TryReadBurst(byte startRegister, byte[] buffer, int offset, int count)
        {
            if (BreakNextFifoBurst && startRegister == Mpu6886Register.FifoReadWrite)
            {
                BreakNextFifoBurst = false;
                _sim.TryReadBurst(startRegister, buffer, offset, 3);
                _errors++;
                return false;
            }

            return _sim.TryReadBurst(startRegister, buffer, offset, count);
        }
    }
}
