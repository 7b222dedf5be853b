// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.I2c;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using TinTin.Sensors.Devices.Ina219;
using TinTin.Sensors.Nano;

namespace TinTin.Sensors.Samples
{
    /// <summary>
    /// INA219 sample: an ESP32 DevKit with the chip on I2C1 (wiring in ../README.md), 0.1 ohm shunt, up to 1 A:
    /// ten measurements and the energy they add up to.
    /// </summary>
    public static class Program
    {
        /// <summary>
        /// Opens the bus, starts the chip, reads and prints a few measurements.
        /// </summary>
        public static void Main()
        {
            // On ESP32 route the bus signals before creating the device.
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
            I2cDevice i2c = I2cDevice.Create(new I2cConnectionSettings(1, Ina219Bits.DefaultI2cAddress, I2cBusSpeed.FastMode));

            // Disposing the driver disposes the device.
            using (Ina219 monitor = new Ina219(new Ina219I2cBus(i2c)))
            {
                Ina219InitializationResult result = monitor.TryInitialize(100, 1000);   // 0.1 ohm shunt, up to 1 A
                if (result != Ina219InitializationResult.Success)
                {
                    Console.WriteLine(monitor.LastError);   // e.g. "INA219: CONFIGURATION read 0xFFFF after reset (expected 0x399F): no chip answers; ..."
                    return;
                }

                EnergyAccumulator energy = new EnergyAccumulator();
                long last = DateTime.UtcNow.Ticks;                      // 100 ns ticks; the firmware uses its own clock
                for (int i = 0; i < 10; i++)
                {
                    Thread.Sleep(100);                                   // a new result every 1.064 ms
                    int millivolts;
                    int microamps;
                    long microwatts;
                    long now = DateTime.UtcNow.Ticks;
                    long elapsedMicroseconds = (now - last) / 10;
                    last = now;
                    if (monitor.TryReadMeasurement(out millivolts, out microamps, out microwatts))
                    {
                        energy.Add(microwatts, elapsedMicroseconds);
                        Console.WriteLine(millivolts.ToString() + " mV, " + microamps.ToString() + " uA, " + microwatts.ToString() + " uW");
                    }
                }

                // Report these with the device's status.
                Console.WriteLine("energy " + energy.TotalMicrojoules.ToString() + " uJ, overflows " + monitor.Overflows.ToString() + ", errors " + monitor.Errors.ToString());
            }
        }
    }
}
