// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.Spi;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Nano;

namespace TinTin.Sensors.Samples
{
    /// <summary>
    /// ADXL345 sample: an ESP32 DevKit with the chip on SPI1 (wiring in ../README.md), 3200 Hz, 16 g, ten FIFO drains.
    /// </summary>
    public static class Program
    {
        /// <summary>
        /// Opens the bus, starts the chip, reads and prints a few bursts of samples.
        /// </summary>
        public static void Main()
        {
            // On ESP32 route the bus signals before creating the device.
            Configuration.SetPinFunction(23, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(19, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(18, DeviceFunction.SPI1_CLOCK);
            SpiDevice spi = SpiDevice.Create(new SpiConnectionSettings(1, 5) { ClockFrequency = 5_000_000, Mode = SpiMode.Mode3 });

            // Read bit 0x80, multi-byte bit 0x40; bursts are 6 bytes (one FIFO entry). Disposing the driver disposes the device.
            using (Adxl345 accel = new Adxl345(new SpiRegisterBus(spi, 6, Adxl345Bits.SpiRead, Adxl345Bits.SpiMultiByte)))
            {
                Adxl345InitializationResult result = accel.TryInitialize(Adxl345DataRate.Hz3200, Adxl345Range.PlusMinus16G);
                if (result != Adxl345InitializationResult.Success)
                {
                    Console.WriteLine(accel.LastError);   // e.g. "ADXL345: DEVID read 0xFF (expected 0xE5): no chip answers; ..."
                    return;
                }

                int[] samples = new int[33 * 3];          // X0 Y0 Z0 X1 ...
                for (int drain = 0; drain < 10; drain++)
                {
                    Thread.Sleep(5);                       // the 32-entry FIFO fills in 10 ms at 3200 Hz
                    int read;
                    if (accel.TryRead(samples, 0, 33, out read) && read > 0)
                    {
                        // Counts of 3.9 mg: micro-g = counts * 3900.
                        Console.WriteLine(read.ToString() + " samples, first X Y Z " + samples[0].ToString() + " " + samples[1].ToString() + " " + samples[2].ToString());
                    }
                }

                // Report these with the device's status.
                Console.WriteLine("overruns " + accel.Overruns.ToString() + ", errors " + accel.Errors.ToString());
            }
        }
    }
}
