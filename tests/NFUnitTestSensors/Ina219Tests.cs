// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Ina219;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of the <see cref="Ina219"/> driver against <see cref="Ina219Simulator"/>.
    /// </summary>
    [TestClass]
    public class Ina219Tests
    {
        private const int ShuntMilliohms = 100;
        private const int OneConversion = 1064;

        private static Ina219 Started(Ina219Simulator sim, int maxMilliamps)
        {
            Ina219 driver = new Ina219(sim);
            Ina219InitializationResult result = driver.TryInitialize(ShuntMilliohms, maxMilliamps);
            Assert.AreEqual((int)Ina219InitializationResult.Success, (int)result, "initialization failed");
            return driver;
        }

        // The chip's own error with an exact input: one LSB of truncation in each of Equations 4 and 5, plus the
        // calibration's truncation to an even integer (at most 2 / Cal of the value).
        private static void AssertNear(long expected, long actual, int lsb, int calibration, string message)
        {
            long magnitude = expected < 0 ? -expected : expected;
            long tolerance = (2L * lsb) + ((magnitude * 2) / calibration);
            long difference = expected - actual;
            Assert.IsTrue(difference <= tolerance && -difference <= tolerance, message);
        }

        [TestMethod]
        [DataRow(100, 100, 4096)]
        [DataRow(20, 100, 20480)]
        [DataRow(13, 100, 31506)]
        [DataRow(1, 1, 0)]
        public void CalibrationFollowsEquationOne(int lsbMicroamps, int shuntMilliohms, int expected)
        {
            // 4096: Adafruit's 32 V 2 A setting (100 uA on 0.1 ohm); 20480: 20 uA on 0.1 ohm; 0: above 16 bits.
            Assert.AreEqual(expected, Ina219.CalibrationFor(lsbMicroamps, shuntMilliohms), "calibration value");
        }

        [TestMethod]
        public void InitializationPicksPgaLsbAndCalibration()
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);

            Ina219 driver = Started(sim, 400);

            // 400 mA on 100 mOhm = 40 mV: PGA /1; LSB = ceil(400000 / 32768) = 13 uA; Cal = 40960000 / 1300 = 31507 -> even 31506.
            Assert.AreEqual(0x219F, (int)sim.PeekRegister(Ina219Register.Configuration), "32 V PGA/1 12-bit continuous");
            Assert.AreEqual(31506, (int)sim.PeekRegister(Ina219Register.Calibration));
            Assert.AreEqual(13, driver.CurrentLsbMicroamps);
            Assert.AreEqual(260, driver.PowerLsbMicrowatts);
            Assert.IsTrue(driver.IsInitialized);
            Assert.AreEqual(0, sim.IllegalAccessCount);
        }

        [TestMethod]
        [DataRow(400, 0x219F)]
        [DataRow(401, 0x299F)]
        [DataRow(1600, 0x319F)]
        [DataRow(3200, 0x399F)]
        public void PgaIsTheSmallestRangeHoldingTheMaximumShuntVoltage(int maxMilliamps, int expectedConfiguration)
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);

            Ina219 driver = Started(sim, maxMilliamps);

            Assert.AreEqual(expectedConfiguration, (int)driver.Configuration);
        }

        [TestMethod]
        public void ShuntVoltageAboveThreeHundredTwentyMillivoltsIsRejected()
        {
            Ina219 driver = new Ina219(new Ina219Simulator(ShuntMilliohms));

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => driver.TryInitialize(ShuntMilliohms, 3201), "320.1 mV shunt");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => driver.TryInitialize(0, 100), "zero shunt");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => driver.TryInitialize(ShuntMilliohms, 0), "zero current");
        }

        [TestMethod]
        public void SmallCurrentOnSmallShuntKeepsCalibrationInSixteenBits()
        {
            Ina219Simulator sim = new Ina219Simulator(1);
            Ina219 driver = new Ina219(sim);

            Assert.AreEqual((int)Ina219InitializationResult.Success, (int)driver.TryInitialize(1, 10), "init");

            // 10 mA would give a 1 uA LSB and Cal = 40960000; the LSB grows to 626 uA so Cal fits.
            Assert.AreEqual(626, driver.CurrentLsbMicroamps);
            Assert.AreEqual(65430, (int)driver.Calibration);
        }

        [TestMethod]
        public void MeasurementMatchesTheSimulatedLoad()
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.BusMillivolts = 5000;
            sim.CurrentMicroamps = 250000;
            Ina219 driver = Started(sim, 400);
            sim.Advance(OneConversion);

            int busMillivolts;
            int microamps;
            long microwatts;
            int shuntMicrovolts;
            Assert.IsTrue(driver.TryReadMeasurement(out busMillivolts, out microamps, out microwatts), "read");
            Assert.IsTrue(driver.TryReadShuntMicrovolts(out shuntMicrovolts), "shunt read");

            Assert.AreEqual(5000, busMillivolts);
            Assert.AreEqual(25000, shuntMicrovolts);

            AssertNear(250000, microamps, driver.CurrentLsbMicroamps, driver.Calibration, "current within two LSB");
            AssertNear(1250000, microwatts, driver.PowerLsbMicrowatts, driver.Calibration, "power within two LSB");
            Assert.IsTrue(driver.ConversionReady, "CNVR was set");
            Assert.IsFalse(driver.MathOverflow);
        }

        [TestMethod]
        public void ReverseCurrentIsNegative()
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.BusMillivolts = 12000;
            sim.CurrentMicroamps = -1000000;
            Ina219 driver = Started(sim, 2000);
            sim.Advance(OneConversion);

            int microamps;
            long microwatts;
            Assert.IsTrue(driver.TryReadCurrentMicroamps(out microamps), "current read");
            Assert.IsTrue(driver.TryReadPowerMicrowatts(out microwatts), "power read");

            AssertNear(-1000000, microamps, driver.CurrentLsbMicroamps, driver.Calibration, "negative current");
            AssertNear(12000000, microwatts, driver.PowerLsbMicrowatts, driver.Calibration, "power magnitude");
        }

        [TestMethod]
        public void MathOverflowIsSurfacedAndCounted()
        {
            // 300 mA on 100 mOhm: PGA /1 (40 mV) but LSB 10 uA and Cal 40960 put 38 mV at 38000 counts.
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.BusMillivolts = 5000;
            sim.CurrentMicroamps = 380000;
            Ina219 driver = Started(sim, 300);
            sim.Advance(OneConversion);

            int busMillivolts;
            int microamps;
            long microwatts;
            bool ok = driver.TryReadMeasurement(out busMillivolts, out microamps, out microwatts);

            Assert.IsFalse(ok, "an overflowed sample is not valid");
            Assert.IsTrue(driver.MathOverflow);
            Assert.AreEqual(1, driver.Overflows);
            Assert.Contains("OVF", driver.LastError);
            Assert.AreEqual(0, driver.Errors, "not a bus error");
        }

        [TestMethod]
        [DataRow(2, 0)]
        [DataRow(3, 65535)]
        public void MissingChipIsReportedWithTheValueRead(int fault, int valueRead)
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.Fault = (SimulatorFault)fault;
            Ina219 driver = new Ina219(sim);

            Ina219InitializationResult result = driver.TryInitialize(ShuntMilliohms, 400);

            Assert.AreEqual((int)Ina219InitializationResult.NoDevice, (int)result);
            Assert.AreEqual(valueRead, (int)driver.LastConfigurationRead);
            Assert.Contains("0x" + ((ushort)valueRead).ToString("X4"), driver.LastError);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void AnotherChipIsReportedAsWrongDevice()
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.PowerOnConfiguration = 0x4127;
            Ina219 driver = new Ina219(sim);

            Ina219InitializationResult result = driver.TryInitialize(ShuntMilliohms, 400);

            Assert.AreEqual((int)Ina219InitializationResult.WrongDevice, (int)result);
            Assert.Contains("0x4127", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
        }

        [TestMethod]
        public void BusErrorIsReportedAndCounted()
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.Fault = SimulatorFault.BusError;
            Ina219 driver = new Ina219(sim);

            Ina219InitializationResult result = driver.TryInitialize(ShuntMilliohms, 400);

            Assert.AreEqual((int)Ina219InitializationResult.BusError, (int)result);
            Assert.Contains("reset", driver.LastError);
            Assert.AreEqual(1, driver.Errors);
            Assert.AreEqual(1, sim.ErrorCount);
        }

        [TestMethod]
        public void TransientReadFailureIsCountedAndTheNextReadWorks()
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.CurrentMicroamps = 100000;
            Ina219 driver = Started(sim, 400);
            sim.Advance(OneConversion);
            sim.FailNextTransfers(1);

            int microamps;
            Assert.IsFalse(driver.TryReadCurrentMicroamps(out microamps), "first read fails");
            Assert.AreEqual(0, microamps);
            Assert.Contains("CURRENT", driver.LastError);
            Assert.IsTrue(driver.TryReadCurrentMicroamps(out microamps), "second read works");
            AssertNear(100000, microamps, driver.CurrentLsbMicroamps, driver.Calibration, "current after the retry");
            Assert.AreEqual(1, driver.Errors);
        }

        [TestMethod]
        public void CurrentBeforeInitializationThrows()
        {
            Ina219 driver = new Ina219(new Ina219Simulator(ShuntMilliohms));
            int microamps;

            Assert.ThrowsException(typeof(InvalidOperationException), () => driver.TryReadCurrentMicroamps(out microamps));
        }

        [TestMethod]
        public void VoltagesReadWithoutInitialization()
        {
            Ina219Simulator sim = new Ina219Simulator(ShuntMilliohms);
            sim.BusMillivolts = 3300;
            sim.CurrentMicroamps = 50000;
            sim.Advance(OneConversion);
            Ina219 driver = new Ina219(sim);

            int millivolts;
            int microvolts;
            Assert.IsTrue(driver.TryReadBusMillivolts(out millivolts), "bus read");
            Assert.IsTrue(driver.TryReadShuntMicrovolts(out microvolts), "shunt read");

            Assert.AreEqual(3300, millivolts);
            Assert.AreEqual(5000, microvolts);
        }
    }
}
