// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Mpu6886;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests that <see cref="Mpu6886Simulator"/> behaves as the MPU-6886 data sheet describes.
    /// </summary>
    [TestClass]
    public class Mpu6886SimulatorTests
    {
        // 1 kHz with divider 0: 1000 microseconds per sample.
        private const int Period1000 = 1000;

        // X = index, Y = -index, Z = 1000 + index: every sample identifies itself.
        private static int Ramp(int axis, int sampleIndex)
        {
            if (axis == 0)
            {
                return sampleIndex;
            }

            return axis == 1 ? -sampleIndex : 1000 + sampleIndex;
        }

        private static int Huge(int axis, int sampleIndex)
        {
            return axis == 0 ? 40000 : -40000;
        }

        // Awake, gyroscope off, DLPF_CFG 1, FIFO on with the given FIFO_EN bits and CONFIG FIFO_MODE.
        private static Mpu6886Simulator Sampling(Mpu6886Signal signal, byte fifoEnable, byte fifoMode)
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(signal);
            sim.TryWriteRegister(Mpu6886Register.PowerManagement1, Mpu6886Bits.PowerClockAuto);
            sim.TryWriteRegister(Mpu6886Register.PowerManagement2, Mpu6886Bits.StandbyGyroAll);
            sim.TryWriteRegister(Mpu6886Register.Config, (byte)(fifoMode | Mpu6886Bits.ConfigDlpf1Khz));
            sim.TryWriteRegister(Mpu6886Register.FifoEnable, fifoEnable);
            sim.TryWriteRegister(Mpu6886Register.UserControl, Mpu6886Bits.UserControlFifoEnable);
            return sim;
        }

        private static int Read(Mpu6886Simulator sim, byte register)
        {
            byte value;
            Assert.IsTrue(sim.TryReadRegister(register, out value), "register read failed");
            return value;
        }

        private static int FifoCount(Mpu6886Simulator sim)
        {
            byte[] count = new byte[2];
            Assert.IsTrue(sim.TryReadBurst(Mpu6886Register.FifoCountH, count, 0, 2), "count read failed");
            return (count[0] << 8) | count[1];
        }

        private static int Word(byte[] data, int index)
        {
            return (short)((data[index] << 8) | data[index + 1]);
        }

        [TestMethod]
        public void PowerOnStateIsAsleepWithTheRightId()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Ramp);

            int id = Read(sim, Mpu6886Register.WhoAmI);
            int power = Read(sim, Mpu6886Register.PowerManagement1);
            sim.Advance(100000);

            Assert.AreEqual(0x19, id);
            Assert.AreEqual(0x41, power, "SLEEP and CLKSEL 1");
            Assert.AreEqual(0, sim.SamplesProduced, "no samples while asleep");
        }

        [TestMethod]
        public void NoSamplesWithEveryAccelerometerAxisInStandby()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);
            sim.TryWriteRegister(Mpu6886Register.PowerManagement2, 0x3F);

            sim.Advance(100000);

            Assert.AreEqual(0, sim.SamplesProduced);
        }

        [TestMethod]
        public void BurstFromAccelXOutAutoIncrementsAndIsBigEndian()
        {
            Mpu6886Simulator sim = Sampling(Ramp, 0, 0);
            sim.TemperatureCounts = 0x1234;
            byte[] data = new byte[8];

            sim.Advance(Period1000 * 300);
            bool ok = sim.TryReadBurst(Mpu6886Register.AccelXOutH, data, 0, 8);

            Assert.IsTrue(ok);
            Assert.AreEqual(299, Word(data, 0), "first word");
            Assert.AreEqual(-299, Word(data, 2), "word 2");
            Assert.AreEqual(1299, Word(data, 4), "word 4");
            Assert.AreEqual(0x1234, Word(data, 6), "TEMP_OUT follows ACCEL_ZOUT_L");
            Assert.AreEqual(0x01, (int)data[0], "high byte first");
        }

        [TestMethod]
        public void AccelerometerOnlyRecordsAreEightBytesWithTemperature()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);
            sim.TemperatureCounts = -77;
            byte[] data = new byte[24];

            sim.Advance(Period1000 * 3);
            int count = FifoCount(sim);
            bool ok = sim.TryReadBurst(Mpu6886Register.FifoReadWrite, data, 0, 24);

            Assert.AreEqual(24, count);
            Assert.IsTrue(ok);
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(i, Word(data, i * 8), "X");
                Assert.AreEqual(-i, Word(data, (i * 8) + 2), "Y");
                Assert.AreEqual(1000 + i, Word(data, (i * 8) + 4), "Z");
                Assert.AreEqual(-77, Word(data, (i * 8) + 6), "temperature");
            }

            Assert.AreEqual(0, sim.FifoByteCount, "the burst stayed on FIFO_R_W and popped every byte");
        }

        [TestMethod]
        public void AccelerometerAndGyroscopeRecordsAreFourteenBytes()
        {
            Mpu6886Simulator sim = Sampling(Ramp, (byte)(Mpu6886Bits.FifoEnableAccel | Mpu6886Bits.FifoEnableGyro), 0);

            sim.Advance(Period1000 * 2);

            Assert.AreEqual(28, FifoCount(sim));
        }

        [TestMethod]
        public void GyroscopeOnlyRecordsAreTemperatureAndGyroscope()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableGyro, 0);

            sim.Advance(Period1000 * 2);

            Assert.AreEqual(16, FifoCount(sim));
        }

        [TestMethod]
        public void EmptyFifoReadsOnes()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);

            int value = Read(sim, Mpu6886Register.FifoReadWrite);

            Assert.AreEqual(0xFF, value);
        }

        [TestMethod]
        public void StopWhenFullKeepsTheOldestAndReportsOverflow()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, Mpu6886Bits.ConfigFifoModeStopWhenFull);
            byte[] data = new byte[8];

            sim.Advance(Period1000 * 130);
            int count = FifoCount(sim);
            int status = Read(sim, Mpu6886Register.IntStatus);
            int statusAgain = Read(sim, Mpu6886Register.IntStatus);
            sim.TryReadBurst(Mpu6886Register.FifoReadWrite, data, 0, 8);

            Assert.AreEqual(1024, count);
            Assert.AreEqual(Mpu6886Bits.IntFifoOverflow, status & Mpu6886Bits.IntFifoOverflow);
            Assert.AreEqual(0, statusAgain & Mpu6886Bits.IntFifoOverflow, "INT_STATUS clears when read");
            Assert.AreEqual(0, Word(data, 0), "the first sample is kept");
            Assert.AreEqual(2, sim.LostSampleCount);
        }

        [TestMethod]
        public void OverwriteModeDiscardsTheOldestBytes()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);
            byte[] data = new byte[8];

            sim.Advance(Period1000 * 130);
            int count = FifoCount(sim);
            int status = Read(sim, Mpu6886Register.IntStatus);
            sim.TryReadBurst(Mpu6886Register.FifoReadWrite, data, 0, 8);

            Assert.AreEqual(1024, count);
            Assert.AreEqual(Mpu6886Bits.IntFifoOverflow, status & Mpu6886Bits.IntFifoOverflow);
            Assert.AreEqual(2, Word(data, 0), "samples 0 and 1 were overwritten");
        }

        [TestMethod]
        [DataRow(1, 0, 1000)]
        [DataRow(1, 4, 5000)]
        [DataRow(1, 9, 10000)]
        [DataRow(0, 9, 1000)]
        [DataRow(7, 9, 1000)]
        public void DividerAppliesOnlyWithTheFilterInUse(int dlpf, int divider, int expectedPeriod)
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);
            sim.TryWriteRegister(Mpu6886Register.Config, (byte)dlpf);
            sim.TryWriteRegister(Mpu6886Register.SampleRateDivider, (byte)divider);

            sim.Advance((expectedPeriod * 10) - 1);
            int before = sim.SamplesProduced;
            sim.Advance(1);

            Assert.AreEqual(expectedPeriod, sim.PeriodMicroseconds());
            Assert.AreEqual(9, before);
            Assert.AreEqual(10, sim.SamplesProduced);
        }

        [TestMethod]
        public void FilterBypassIgnoresTheDivider()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);
            sim.TryWriteRegister(Mpu6886Register.SampleRateDivider, 9);
            sim.TryWriteRegister(Mpu6886Register.AccelConfig2, Mpu6886Bits.AccelFChoiceB);

            Assert.AreEqual(1000, sim.PeriodMicroseconds());
        }

        [TestMethod]
        public void FifoResetEmptiesTheFifoAndClearsItself()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);
            sim.Advance(Period1000 * 5);

            sim.TryWriteRegister(Mpu6886Register.UserControl, (byte)(Mpu6886Bits.UserControlFifoEnable | Mpu6886Bits.UserControlFifoReset));

            Assert.AreEqual(0, FifoCount(sim));
            Assert.AreEqual(Mpu6886Bits.UserControlFifoEnable, Read(sim, Mpu6886Register.UserControl), "UserControl");
        }

        [TestMethod]
        public void DeviceResetRestoresThePowerOnState()
        {
            Mpu6886Simulator sim = Sampling(Ramp, Mpu6886Bits.FifoEnableAccel, 0);
            sim.TryWriteRegister(Mpu6886Register.AccelConfig, 0x18);
            sim.Advance(Period1000 * 5);

            sim.TryWriteRegister(Mpu6886Register.PowerManagement1, Mpu6886Bits.PowerDeviceReset);

            Assert.AreEqual(0x41, Read(sim, Mpu6886Register.PowerManagement1), "DEVICE_RESET clears itself");
            Assert.AreEqual(0, Read(sim, Mpu6886Register.AccelConfig), "AccelConfig");
            Assert.AreEqual(0, Read(sim, Mpu6886Register.FifoEnable), "FifoEnable");
            Assert.AreEqual(0, FifoCount(sim));
        }

        [TestMethod]
        public void ReadOnlyRegistersIgnoreWritesAndAreCounted()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Ramp);

            sim.TryWriteRegister(Mpu6886Register.WhoAmI, 0x12);
            sim.TryWriteRegister(Mpu6886Register.AccelXOutH, 0x34);
            sim.TryWriteRegister(Mpu6886Register.FifoCountL, 0x07);

            Assert.AreEqual(0x19, Read(sim, Mpu6886Register.WhoAmI), "WHO_AM_I");
            Assert.AreEqual(0, Read(sim, Mpu6886Register.AccelXOutH), "AccelXOutH");
            Assert.AreEqual(3, sim.IllegalAccessCount);
        }

        [TestMethod]
        public void ValuesBeyondSixteenBitsSaturate()
        {
            Mpu6886Simulator sim = Sampling(Huge, 0, 0);
            byte[] data = new byte[4];

            sim.Advance(Period1000);
            sim.TryReadBurst(Mpu6886Register.AccelXOutH, data, 0, 4);

            Assert.AreEqual(32767, Word(data, 0), "first word");
            Assert.AreEqual(-32768, Word(data, 2), "word 2");
        }

        [TestMethod]
        public void BusErrorFaultFailsEveryTransfer()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Ramp);
            sim.Fault = SimulatorFault.BusError;
            byte value;

            bool read = sim.TryReadRegister(Mpu6886Register.WhoAmI, out value);
            bool write = sim.TryWriteRegister(Mpu6886Register.Config, 1);

            Assert.IsFalse(read);
            Assert.IsFalse(write);
            Assert.AreEqual(2, sim.ErrorCount);
        }

        [TestMethod]
        public void AbsentChipReadsTheIdleLevel()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Ramp);
            sim.Fault = SimulatorFault.AbsentReadsOnes;
            byte[] data = new byte[2];

            int id = Read(sim, Mpu6886Register.WhoAmI);
            sim.TryReadBurst(Mpu6886Register.FifoCountH, data, 0, 2);

            Assert.AreEqual(0xFF, id);
            Assert.AreEqual(0xFF, (int)data[0]);
            Assert.AreEqual(0, sim.ErrorCount, "the transfers themselves complete");
        }

        [TestMethod]
        public void TransientFailuresAffectOnlyTheNextTransfers()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Ramp);
            sim.FailNextTransfers(2);
            byte value;

            bool first = sim.TryReadRegister(Mpu6886Register.WhoAmI, out value);
            bool second = sim.TryReadRegister(Mpu6886Register.WhoAmI, out value);
            bool third = sim.TryReadRegister(Mpu6886Register.WhoAmI, out value);

            Assert.IsFalse(first);
            Assert.IsFalse(second);
            Assert.IsTrue(third);
            Assert.AreEqual(0x19, (int)value);
        }

        [TestMethod]
        public void AddressesAboveTheRegisterSpaceThrow()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), ReadAbove7Bits);
        }

        private static void ReadAbove7Bits()
        {
            Mpu6886Simulator sim = new Mpu6886Simulator(Ramp);
            byte value;
            sim.TryReadRegister(0x80, out value);
        }
    }
}
