// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.Spi;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using TinTin.Sensors.Devices.Iis3dwb;
using TinTin.Sensors.Nano;

namespace TinTin.Sensors.Samples
{
    /// <summary>
    /// IIS3DWB sample: an ESP32 DevKit with the chip on SPI1 (wiring in ../README.md), 26.667 kHz, 16 g, ten FIFO drains.
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
            SpiDevice spi = SpiDevice.Create(new SpiConnectionSettings(1, 4) { ClockFrequency = 10_000_000, Mode = SpiMode.Mode3 });

            // Read bit 0x80, no multi-byte bit (IF_INC auto-increments); bursts up to 64 words of 7 bytes.
            // Disposing the driver disposes the device.
            SpiRegisterBus bus = new SpiRegisterBus(spi, Iis3dwb.DefaultMaxWordsPerBurst * 7, Iis3dwbBits.SpiRead, Iis3dwbBits.SpiMultiByte);
            using (Iis3dwb accel = new Iis3dwb(bus))
            {
                Iis3dwbInitializationResult result = accel.TryInitialize(Iis3dwbRange.PlusMinus16G);
                if (result != Iis3dwbInitializationResult.Success)
                {
                    Console.WriteLine(accel.LastError);   // e.g. "IIS3DWB: WHO_AM_I read 0xFF (expected 0x7B): no chip answers; ..."
                    return;
                }

                int[] samples = new int[512 * 3];         // X0 Y0 Z0 X1 ...
                for (int drain = 0; drain < 10; drain++)
                {
                    Thread.Sleep(10);                      // the 512-word FIFO fills in 19.2 ms
                    int read;
                    if (accel.TryRead(samples, 0, 512, out read) && read > 0)
                    {
                        // micro-g = counts * accel.MicroGPerCountNumerator (488 at 16 g).
                        Console.WriteLine(read.ToString() + " samples, first X Y Z " + samples[0].ToString() + " " + samples[1].ToString() + " " + samples[2].ToString());
                    }
                }

                // Report these with the device's status.
                Console.WriteLine("overruns " + accel.Overruns.ToString() + ", errors " + accel.Errors.ToString());
            }
        }
    }
}
