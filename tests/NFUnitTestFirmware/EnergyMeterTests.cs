// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Firmware.Core.App;
using TinTin.Sensors.Devices.Ina219;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    [TestClass]
    public class EnergyMeterTests
    {
        [TestMethod]
        public void EstimateChargesActiveAndIdleTimeAtTheirPowers()
        {
            ManualClock clock = new ManualClock();
            EstimatedEnergyMeter meter = new EstimatedEnergyMeter(clock, 200000, 50000);
            clock.Microseconds = 1000000;
            meter.BeginActive();
            clock.Microseconds = 1500000;
            meter.EndActive();
            clock.Microseconds = 2000000;

            // 1.5 s idle at 50 mW + 0.5 s active at 200 mW = 75 mJ + 100 mJ.
            Assert.AreEqual(175000L, meter.ReadMicrojoules(), "microjoules");
            Assert.IsTrue(meter.IsEstimate, "flagged");
        }

        [TestMethod]
        public void MeasurementIntegratesTheIna219sPowerOverTime()
        {
            // 3.3 V and 200 mA: 660 mW, within the INA219's LSBs.
            Ina219Simulator chip = new Ina219Simulator(100);
            chip.BusMillivolts = 3300;
            chip.CurrentMicroamps = 200000;
            Ina219 ina219 = new Ina219(chip);
            Assert.AreEqual(Ina219InitializationResult.Success, ina219.TryInitialize(100, 400), "initialised");
            chip.Advance(10000);
            ManualClock clock = new ManualClock();
            MeasuredEnergyMeter meter = new MeasuredEnergyMeter(ina219, clock);
            long start = meter.ReadMicrojoules();
            meter.BeginActive();
            clock.Microseconds = 100000;
            meter.EndActive();
            long step = meter.ReadMicrojoules() - start;

            // 660 mW for 0.1 s = 66,000 µJ; the chip's power LSB (260 µW) and current LSB bound the error.
            Assert.IsTrue(step > 65000 && step < 67000, "step energy " + step.ToString());
            Assert.IsFalse(meter.IsEstimate, "measured");
            Assert.AreEqual(0, meter.FailedReadings, "no failed reading");
        }
    }
}
