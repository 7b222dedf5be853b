// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Ina219;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of <see cref="EnergyAccumulator"/>: exact integer energy, carried remainders, no overflow.
    /// </summary>
    [TestClass]
    public class Ina219EnergyAccumulatorTests
    {
        [TestMethod]
        public void OneWattForOneSecondIsOneJoule()
        {
            EnergyAccumulator energy = new EnergyAccumulator();

            energy.Add(1000000, 1000000);

            Assert.AreEqual(1000000L, energy.TotalMicrojoules);
            Assert.AreEqual(0L, energy.RemainderPicojoules);
            Assert.AreEqual(1000000L, energy.ElapsedMicroseconds);
            Assert.AreEqual(1, energy.Samples);
        }

        [TestMethod]
        public void SubMicrojouleSamplesAreCarried()
        {
            EnergyAccumulator energy = new EnergyAccumulator();

            // 1 uW for 0.4 s = 0.4 uJ each: 1.2 uJ after three.
            energy.Add(1, 400000);
            energy.Add(1, 400000);
            energy.Add(1, 400000);

            Assert.AreEqual(1L, energy.TotalMicrojoules);
            Assert.AreEqual(200000L, energy.RemainderPicojoules);
        }

        [TestMethod]
        public void ManySmallIntervalsSumExactly()
        {
            EnergyAccumulator energy = new EnergyAccumulator();

            // 1.25 W sampled every 1064 us, 1000 times: 1.25 * 1.064 J = 1330000 uJ.
            for (int i = 0; i < 1000; i++)
            {
                energy.Add(1250000, 1064);
            }

            Assert.AreEqual(1330000L, energy.TotalMicrojoules);
            Assert.AreEqual(0L, energy.RemainderPicojoules);
        }

        [TestMethod]
        public void LongIntervalsAtHighPowerDoNotOverflow()
        {
            EnergyAccumulator energy = new EnergyAccumulator();

            // 10 kW for one hour: the product in picojoules (3.6e19) would not fit in a long.
            energy.Add(10000000000L, 3600000000L);

            Assert.AreEqual(36000000000000L, energy.TotalMicrojoules);
            Assert.IsFalse(energy.Saturated);
        }

        [TestMethod]
        public void TotalSaturatesInsteadOfWrapping()
        {
            EnergyAccumulator energy = new EnergyAccumulator();

            energy.Add(EnergyAccumulator.MaxPowerMicrowatts, long.MaxValue);
            energy.Add(1, 1);

            Assert.IsTrue(energy.Saturated);
            Assert.AreEqual(long.MaxValue, energy.TotalMicrojoules);
            Assert.AreEqual(2, energy.Samples);
        }

        [TestMethod]
        public void ResetClearsEverything()
        {
            EnergyAccumulator energy = new EnergyAccumulator();
            energy.Add(EnergyAccumulator.MaxPowerMicrowatts, long.MaxValue);

            energy.Reset();

            Assert.IsFalse(energy.Saturated);
            Assert.AreEqual(0L, energy.TotalMicrojoules);
            Assert.AreEqual(0L, energy.ElapsedMicroseconds);
            Assert.AreEqual(0, energy.Samples);
        }

        [TestMethod]
        public void InvalidArgumentsThrow()
        {
            EnergyAccumulator energy = new EnergyAccumulator();

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => energy.Add(-1, 1), "negative power");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => energy.Add(EnergyAccumulator.MaxPowerMicrowatts + 1, 1), "power above 1 MW");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => energy.Add(1, -1), "negative time");
        }
    }
}
