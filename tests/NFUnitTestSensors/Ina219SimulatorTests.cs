// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Ina219;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests that <see cref="Ina219Simulator"/> behaves as the INA219 data sheet (SBOS448) describes.
    /// </summary>
    [TestClass]
    public class Ina219SimulatorTests
    {
        // Power-on setting: 12-bit shunt (532 us) then 12-bit bus (532 us).
        private const int PowerOnConversion = 1064;

        private static ushort Read(Ina219Simulator sim, byte register)
        {
            ushort value;
            Assert.IsTrue(sim.TryReadRegister(register, out value), "read failed");
            return value;
        }

        private static void Write(Ina219Simulator sim, byte register, int value)
        {
            Assert.IsTrue(sim.TryWriteRegister(register, (ushort)value), "write failed");
        }

        [TestMethod]
        public void PowerOnValuesFollowTheRegisterSummary()
        {
            Ina219Simulator sim = new Ina219Simulator(100);

            Assert.AreEqual(0x399F, (int)Read(sim, Ina219Register.Configuration), "configuration register");
            Assert.AreEqual(0, (int)Read(sim, Ina219Register.Calibration), "calibration register");
            Assert.AreEqual(0, (int)Read(sim, Ina219Register.Current), "current register");
            Assert.AreEqual(0, (int)Read(sim, Ina219Register.Power), "power register");
            Assert.AreEqual(PowerOnConversion, sim.ConversionMicroseconds);
        }

        [TestMethod]
        public void ResetBitRestoresThePowerOnValues()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            Write(sim, Ina219Register.Configuration, 0x019F);
            Write(sim, Ina219Register.Calibration, 0x1000);

            Write(sim, Ina219Register.Configuration, Ina219Bits.ConfigurationReset);

            Assert.AreEqual(0x399F, (int)Read(sim, Ina219Register.Configuration), "RST self-clears");
            Assert.AreEqual(0, (int)Read(sim, Ina219Register.Calibration), "calibration register");
        }

        [TestMethod]
        public void CalibrationBitZeroReadsZero()
        {
            Ina219Simulator sim = new Ina219Simulator(100);

            Write(sim, Ina219Register.Calibration, 0x7FFF);

            Assert.AreEqual(0x7FFE, (int)Read(sim, Ina219Register.Calibration), "calibration register");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        public void ReadOnlyRegistersIgnoreWrites(int register)
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            ushort before = sim.PeekRegister((byte)register);

            Write(sim, (byte)register, 0x1234);

            Assert.AreEqual((int)before, (int)sim.PeekRegister((byte)register));
            Assert.AreEqual(1, sim.IllegalAccessCount);
        }

        [TestMethod]
        public void PointerBeyondCalibrationReadsZeroAndIsCounted()
        {
            Ina219Simulator sim = new Ina219Simulator(100);

            Assert.AreEqual(0, (int)Read(sim, 0x06), "pointer 0x06");
            Assert.AreEqual(1, sim.IllegalAccessCount);
        }

        [TestMethod]
        public void ConversionReadySetsAfterTheConversionTimeAndClearsOnPowerRead()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.BusMillivolts = 5000;

            sim.Advance(PowerOnConversion - 1);
            Assert.AreEqual(0, Read(sim, Ina219Register.BusVoltage) & Ina219Bits.BusConversionReady, "not yet");

            sim.Advance(1);
            Assert.AreEqual(2, Read(sim, Ina219Register.BusVoltage) & Ina219Bits.BusConversionReady, "ready");

            Read(sim, Ina219Register.Power);
            Assert.AreEqual(0, Read(sim, Ina219Register.BusVoltage) & Ina219Bits.BusConversionReady, "cleared by the power read");
        }

        [TestMethod]
        [DataRow(12000, 3000)]
        [DataRow(3301, 825)]
        [DataRow(40000, 8191)]
        [DataRow(-100, 0)]
        public void BusVoltageIsInBitsFifteenToThreeInFourMillivoltSteps(int millivolts, int expectedCount)
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.BusMillivolts = millivolts;

            sim.Advance(PowerOnConversion);

            Assert.AreEqual(expectedCount, Read(sim, Ina219Register.BusVoltage) >> 3, "bus count");
        }

        [TestMethod]
        public void SixteenVoltRangeClipsTheBusResultToTwelveBits()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.BusMillivolts = 20000;
            Write(sim, Ina219Register.Configuration, 0x199F);

            sim.Advance(PowerOnConversion);

            Assert.AreEqual(4095, Read(sim, Ina219Register.BusVoltage) >> 3, "bus count");
        }

        [TestMethod]
        [DataRow(0x399F, -500000, -5000)]
        [DataRow(0x399F, 250000, 2500)]
        [DataRow(0x399F, 5000000, 32000)]
        [DataRow(0x219F, -500000, -4000)]
        [DataRow(0x219F, 399999, 3999)]
        public void ShuntVoltageIsSignedTenMicrovoltCountsClippedToThePgaRange(int configuration, int microamps, int expectedCount)
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.CurrentMicroamps = microamps;
            Write(sim, Ina219Register.Configuration, configuration);

            sim.Advance(PowerOnConversion);

            Assert.AreEqual(expectedCount, (int)(short)Read(sim, Ina219Register.ShuntVoltage), "shunt register");
        }

        [TestMethod]
        public void CurrentAndPowerFollowEquationsFourAndFive()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.CurrentMicroamps = 250000;
            sim.BusMillivolts = 5000;
            Write(sim, Ina219Register.Calibration, 4096);

            sim.Advance(PowerOnConversion);

            // Shunt 2500 counts * 4096 / 4096 = 2500; power 2500 * 1250 / 5000 = 625.
            Assert.AreEqual(2500, (int)(short)Read(sim, Ina219Register.Current), "current register");
            Assert.AreEqual(625, (int)Read(sim, Ina219Register.Power), "power register");
            Assert.AreEqual(0, Read(sim, Ina219Register.BusVoltage) & Ina219Bits.BusMathOverflow, "no overflow");
        }

        [TestMethod]
        public void NegativeCurrentGivesANegativeCurrentRegisterAndPositivePower()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.CurrentMicroamps = -100000;
            sim.BusMillivolts = 12000;
            Write(sim, Ina219Register.Calibration, 8192);

            sim.Advance(PowerOnConversion);

            Assert.AreEqual(-2000, (int)(short)Read(sim, Ina219Register.Current), "current register");
            Assert.AreEqual(1200, (int)Read(sim, Ina219Register.Power), "power register");
        }

        [TestMethod]
        public void CalibrationZeroKeepsCurrentAndPowerAtZero()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.CurrentMicroamps = 250000;
            sim.BusMillivolts = 5000;

            sim.Advance(PowerOnConversion);

            Assert.AreEqual(2500, (int)(short)Read(sim, Ina219Register.ShuntVoltage), "shunt register");
            Assert.AreEqual(0, (int)Read(sim, Ina219Register.Current), "current register");
            Assert.AreEqual(0, (int)Read(sim, Ina219Register.Power), "power register");
        }

        [TestMethod]
        public void OutOfRangeCurrentSetsTheMathOverflowFlag()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.CurrentMicroamps = 3000000;
            sim.BusMillivolts = 5000;
            Write(sim, Ina219Register.Calibration, 0xFFFE);

            sim.Advance(PowerOnConversion);

            Assert.AreEqual(1, Read(sim, Ina219Register.BusVoltage) & Ina219Bits.BusMathOverflow, "OVF bit");
            Assert.AreEqual(32767, (int)(short)Read(sim, Ina219Register.Current), "clipped");
        }

        [TestMethod]
        public void TriggeredModeConvertsOnce()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            Write(sim, Ina219Register.Configuration, 0x399B);

            sim.Advance(PowerOnConversion * 5);

            Assert.AreEqual(1, sim.Conversions);
            Write(sim, Ina219Register.Configuration, 0x399B);
            sim.Advance(PowerOnConversion);
            Assert.AreEqual(2, sim.Conversions, "a new trigger converts again");
        }

        [TestMethod]
        public void ContinuousModeRepeats()
        {
            Ina219Simulator sim = new Ina219Simulator(100);

            sim.Advance(PowerOnConversion * 5);

            Assert.AreEqual(5, sim.Conversions);
        }

        [TestMethod]
        [DataRow(0x3998)]
        [DataRow(0x399C)]
        public void PowerDownAndAdcOffDoNotConvert(int configuration)
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            Write(sim, Ina219Register.Configuration, configuration);

            sim.Advance(1000000);

            Assert.AreEqual(0, sim.Conversions);
        }

        [TestMethod]
        [DataRow(0x0, 84)]
        [DataRow(0x4, 84)]
        [DataRow(0x3, 532)]
        [DataRow(0x8, 532)]
        [DataRow(0x9, 1060)]
        [DataRow(0xF, 68100)]
        public void ConversionTimeFollowsTableSix(int setting, int microseconds)
        {
            Ina219Simulator sim = new Ina219Simulator(100);

            // Shunt only, continuous (mode 101), SADC = setting.
            Write(sim, Ina219Register.Configuration, 0x3985 & ~Ina219Bits.ShuntAdcMask | (setting << Ina219Bits.ShuntAdcShift));

            Assert.AreEqual(microseconds, sim.ConversionMicroseconds);
        }

        [TestMethod]
        public void BusErrorFaultFailsEveryTransfer()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.Fault = SimulatorFault.BusError;
            ushort value;

            Assert.IsFalse(sim.TryReadRegister(Ina219Register.Configuration, out value), "configuration read");
            Assert.IsFalse(sim.TryWriteRegister(Ina219Register.Calibration, 1), "calibration write");
            Assert.AreEqual(2, sim.ErrorCount);
        }

        [TestMethod]
        public void TransientFailureAffectsOnlyTheNextTransfers()
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.FailNextTransfers(1);
            ushort value;

            Assert.IsFalse(sim.TryReadRegister(Ina219Register.Configuration, out value), "configuration read");
            Assert.IsTrue(sim.TryReadRegister(Ina219Register.Configuration, out value), "configuration read");
            Assert.AreEqual(0x399F, (int)value);
            Assert.AreEqual(1, sim.ErrorCount);
        }

        [TestMethod]
        [DataRow(2, 0)]
        [DataRow(3, 65535)]
        public void AbsentChipReadsTheIdleLineAndLosesWrites(int fault, int expected)
        {
            Ina219Simulator sim = new Ina219Simulator(100);
            sim.Fault = (SimulatorFault)fault;

            Assert.IsTrue(sim.TryWriteRegister(Ina219Register.Calibration, 0x1000), "the transfer completes");
            Assert.AreEqual(expected, (int)Read(sim, Ina219Register.Configuration), "configuration register");
            sim.Fault = SimulatorFault.None;
            Assert.AreEqual(0, (int)Read(sim, Ina219Register.Calibration), "the write was lost");
        }
    }
}
