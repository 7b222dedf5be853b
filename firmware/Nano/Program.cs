// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using TinTin.Firmware.Core;

namespace TinTin.Firmware.Nano
{
    /// <summary>
    /// Board entry point: routes the pins, prints a startup report, then blinks the status LED once
    /// per second and prints a status report every 10 seconds.
    /// </summary>
    public static class Program
    {
        private const int BlinkHalfPeriodMs = 500;
        private const int ReportPeriodMs = 10000;

        /// <summary>
        /// The firmware entry point.
        /// </summary>
        public static void Main()
        {
            // For an M5StickC, use BoardPins.M5StickC() (and flash its own firmware image).
            BoardPins pins = BoardPins.Esp32DevKit();
            RoutePins(pins);

            string version = typeof(Program).Assembly.GetName().Version.ToString();
            Console.WriteLine(DeviceReport.Prefix + " start target=" + SystemInfo.TargetName + " pins=" + pins.TargetName);
            Console.WriteLine(BuildReport(version));

            GpioController gpio = new GpioController();
            GpioPin led = gpio.OpenPin(pins.StatusLed, PinMode.Output);
            led.Write(pins.StatusLedActiveLow ? PinValue.High : PinValue.Low);

            int sinceReportMs = 0;
            while (true)
            {
                led.Toggle();
                Thread.Sleep(BlinkHalfPeriodMs);
                sinceReportMs += BlinkHalfPeriodMs;
                if (sinceReportMs >= ReportPeriodMs)
                {
                    sinceReportMs = 0;
                    Console.WriteLine(BuildReport(version));
                }
            }
        }

        // On ESP32 the bus signals must be routed to their GPIOs before any I2cDevice, SpiDevice or
        // SerialPort is created.
        private static void RoutePins(BoardPins pins)
        {
            Configuration.SetPinFunction(pins.I2cData, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(pins.I2cClock, DeviceFunction.I2C1_CLOCK);
            if (pins.HasSpi)
            {
                Configuration.SetPinFunction(pins.SpiMosi, DeviceFunction.SPI1_MOSI);
                Configuration.SetPinFunction(pins.SpiMiso, DeviceFunction.SPI1_MISO);
                Configuration.SetPinFunction(pins.SpiClock, DeviceFunction.SPI1_CLOCK);
            }

            Configuration.SetPinFunction(pins.DataLinkTx, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(pins.DataLinkRx, DeviceFunction.COM2_RX);
        }

        private static string BuildReport(string version)
        {
            // A full (non-compacting) collection every 10 s is the price of an exact free-heap count.
            uint managedFree = nanoFramework.Runtime.Native.GC.Run(false);
            NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.All, out _, out uint nativeFree, out _);

            // HighResTimer counts microseconds since boot (Environment.TickCount64 has 10 ms steps on ESP32).
            long uptimeMs = (long)(HighResTimer.GetCurrent() / 1000);
            return DeviceReport.Format(version, uptimeMs, managedFree, nativeFree);
        }
    }
}
