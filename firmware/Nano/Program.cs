// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.I2c;
using System.Device.Spi;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Devices.Iis3dwb;
using TinTin.Sensors.Devices.Ina219;
using TinTin.Sensors.Devices.Mpu6886;
using TinTin.Sensors.Nano;

namespace TinTin.Firmware.Nano
{
    /// <summary>
    /// Board entry point (ESP32 family): routes the pins, finds the accelerometer and an optional
    /// INA219, builds the firmware core and polls it forever. Everything else (modes, learning,
    /// checkpoints, the link) is in firmware/Core, which the host simulator runs too.
    /// </summary>
    public static class Program
    {
        // The target the image reports picks the pin map and the target table's figures; another ESP32
        // image (ESP32_REV3, ...) runs as the DevKit.
        private const string DefaultTarget = "ESP32_PSRAM_REV0";
        private const int ButtonPin = 0;
        private const int Ina219Address = 0x40;
        private const int Ina219ShuntMilliohms = 100;
        private const int Ina219MaxMilliamps = 1000;

        /// <summary>The firmware entry point.</summary>
        public static void Main()
        {
            string reported = SystemInfo.TargetName;
            string targetName = reported == "M5StickC" || reported == "ESP32_C3" ? reported : DefaultTarget;
            BoardPins pins = targetName == "M5StickC" ? BoardPins.M5StickC() : targetName == "ESP32_C3" ? BoardPins.Esp32C3DevKitM() : BoardPins.Esp32DevKit();
            BoardTarget target = BoardTarget.Find(targetName);
            RoutePins(pins);

            IDeviceClock clock = new HighResClock();
            Esp32Board board = new Esp32Board(pins, target.Name, target.HasFpu, targetName == DefaultTarget ? ButtonPin : -1, clock);
            FirmwareSettings settings = FirmwareSettings.Default();

            string sensorStatus;
            WindowAssembler sensor = OpenAccelerometer(pins, settings, out sensorStatus);
            IEnergyMeter energy = OpenEnergyMeter(clock, target);
            DeviceCore core = new DeviceCore(settings, board, clock, energy, sensor, sensorStatus, new SerialLinkPort(target.LinkPort, 921600));
            core.Boot();
            Console.WriteLine("tintin: " + target.Name + " " + settings.Model + (sensor == null ? " (no sensor: " + sensorStatus + ")" : string.Empty));

            while (true)
            {
                core.Poll();

                // The FIFO holds 32 samples (10 ms at 3200 Hz): poll well within that.
                Thread.Sleep(1);
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

        // A missing or wrong chip is reported over the link and the firmware stays up (idle): never a crash.
        // An ADXL345 on SPI where the pin map has one, else the MPU6886 on I2C (M5StickC).
        private static WindowAssembler OpenAccelerometer(BoardPins pins, FirmwareSettings settings, out string status)
        {
            if (!pins.HasSpi || pins.Adxl345ChipSelect == BoardPins.NotConnected)
            {
                return OpenMpu6886(settings, out status);
            }

            try
            {
                SpiDevice spi = SpiDevice.Create(new SpiConnectionSettings(1, pins.Adxl345ChipSelect) { ClockFrequency = 5000000, Mode = SpiMode.Mode3 });
                Adxl345 accelerometer = new Adxl345(new SpiRegisterBus(spi, 6, Adxl345Bits.SpiRead, Adxl345Bits.SpiMultiByte));
                if (accelerometer.TryInitialize(Adxl345DataRate.Hz3200, Adxl345Range.PlusMinus16G) == Adxl345InitializationResult.Success)
                {
                    status = null;
                    return new WindowAssembler(accelerometer, settings.WindowLength, settings.Hop, 2 * settings.WindowLength, WindowAssembler.SumOfAxes, 33);
                }

                status = accelerometer.LastError;
            }
            catch (Exception e)
            {
                status = "ADXL345: " + e.Message;
            }

            // No ADXL345 answered: the DevKit's other SPI accelerometer, the IIS3DWB (26.7 kHz), if wired.
            return pins.Iis3dwbChipSelect == BoardPins.NotConnected ? null : OpenIis3dwb(pins, settings, ref status);
        }

        private static WindowAssembler OpenIis3dwb(BoardPins pins, FirmwareSettings settings, ref string status)
        {
            try
            {
                SpiDevice spi = SpiDevice.Create(new SpiConnectionSettings(1, pins.Iis3dwbChipSelect) { ClockFrequency = 8000000, Mode = SpiMode.Mode3 });
                Iis3dwb accelerometer = new Iis3dwb(new SpiRegisterBus(spi, Iis3dwb.DefaultMaxWordsPerBurst * 7, Iis3dwbBits.SpiRead, Iis3dwbBits.SpiMultiByte));
                if (accelerometer.TryInitialize(Iis3dwbRange.PlusMinus16G) != Iis3dwbInitializationResult.Success)
                {
                    status = status + "; " + accelerometer.LastError;
                    return null;
                }

                status = null;
                return new WindowAssembler(accelerometer, settings.WindowLength, settings.Hop, 2 * settings.WindowLength, WindowAssembler.SumOfAxes, Iis3dwb.DefaultMaxWordsPerBurst);
            }
            catch (Exception e)
            {
                status = status + "; IIS3DWB: " + e.Message;
                return null;
            }
        }

        private static WindowAssembler OpenMpu6886(FirmwareSettings settings, out string status)
        {
            try
            {
                I2cDevice i2c = I2cDevice.Create(new I2cConnectionSettings(1, Mpu6886Bits.I2cAddress, I2cBusSpeed.FastMode));
                Mpu6886 accelerometer = new Mpu6886(new I2cRegisterBus(i2c));

                // Divider 0: 1 kHz, the chip's rate with the low-pass filter on.
                if (accelerometer.TryInitialize(Mpu6886Range.PlusMinus16G, 0) != Mpu6886InitializationResult.Success)
                {
                    status = accelerometer.LastError;
                    return null;
                }

                status = null;
                return new WindowAssembler(accelerometer, settings.WindowLength, settings.Hop, 2 * settings.WindowLength, WindowAssembler.SumOfAxes, Mpu6886.MaxRecordsPerBurst);
            }
            catch (Exception e)
            {
                status = "MPU6886: " + e.Message;
                return null;
            }
        }

        // Measured with an INA219 on I2C1 when one answers, else estimated from the target's power figures.
        private static IEnergyMeter OpenEnergyMeter(IDeviceClock clock, BoardTarget target)
        {
            try
            {
                I2cDevice i2c = I2cDevice.Create(new I2cConnectionSettings(1, Ina219Address, I2cBusSpeed.FastMode));
                Ina219 ina219 = new Ina219(new Ina219I2cBus(i2c));
                if (ina219.TryInitialize(Ina219ShuntMilliohms, Ina219MaxMilliamps) == Ina219InitializationResult.Success)
                {
                    return new MeasuredEnergyMeter(ina219, clock);
                }
            }
            catch (Exception)
            {
                // No INA219 on this board: fall through to the estimate.
            }

            return new EstimatedEnergyMeter(clock, target.ActiveMicrowatts, target.IdleMicrowatts);
        }
    }
}
