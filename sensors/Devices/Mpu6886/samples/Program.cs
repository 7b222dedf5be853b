// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.I2c;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using TinTin.Sensors.Devices.Mpu6886;
using TinTin.Sensors.Nano;

namespace TinTin.Sensors.Samples
{
    /// <summary>
    /// MPU6886 sample: the IMU of an M5StickC on I2C1 (wiring in ../README.md), 1000 Hz, 4 g, ten FIFO drains.
    /// </summary>
    public static class Program
    {
        /// <summary>
        /// Opens the bus, starts the chip, reads and prints a few bursts of samples.
        /// </summary>
        public static void Main()
        {
            // On ESP32 route the bus signals before creating the device.
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
            I2cDevice i2c = I2cDevice.Create(new I2cConnectionSettings(1, Mpu6886Bits.I2cAddress, I2cBusSpeed.FastMode));

            // Disposing the driver disposes the device.
            using (Mpu6886 imu = new Mpu6886(new I2cRegisterBus(i2c)))
            {
                Mpu6886InitializationResult result = imu.TryInitialize(Mpu6886Range.PlusMinus4G, 0);   // 1000 Hz
                if (result != Mpu6886InitializationResult.Success)
                {
                    Console.WriteLine(imu.LastError);   // e.g. "MPU6886: WHO_AM_I read 0x68 (expected 0x19): another chip answers"
                    return;
                }

                int[] samples = new int[Mpu6886.MaxRecords * 3];   // X0 Y0 Z0 X1 ...
                for (int drain = 0; drain < 10; drain++)
                {
                    Thread.Sleep(50);                                // drain at least every ~60 ms at 1000 Hz
                    int read;
                    if (imu.TryRead(samples, 0, Mpu6886.MaxRecords, out read) && read > 0)
                    {
                        // micro-g = counts * 15625 / 128 at 4 g.
                        Console.WriteLine(read.ToString() + " samples, first X Y Z " + samples[0].ToString() + " " + samples[1].ToString() + " " + samples[2].ToString());
                    }
                }

                // Report these with the device's status.
                Console.WriteLine("overruns " + imu.Overruns.ToString() + ", errors " + imu.Errors.ToString());
            }
        }
    }
}
