// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.I2c;
using System.Device.Spi;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Devices.Ina219;
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
        // For an M5StickC use its pin map, target and the MPU6886 (Sensors/Devices/Mpu6886); for an
        // ESP32-C3, BoardPins.Esp32C3DevKitM() and ESP32_C3. See firmware/README.md.
        private const string TargetName = "ESP32_PSRAM_REV0";
        private const int ButtonPin = 0;
        private const int Ina219Address = 0x40;
        private const int Ina219ShuntMilliohms = 100;
        private const int Ina219MaxMilliamps = 1000;

        /// <summary>The firmware entry point.</summary>
        public static void Main()
        {
            BoardPins pins = BoardPins.Esp32DevKit();
            BoardTarget target = BoardTarget.Find(TargetName);
            RoutePins(pins);

            IDeviceClock clock = new HighResClock();
            Esp32Board board = new Esp32Board(pins, target.Name, target.HasFpu, ButtonPin, clock);
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
        private static WindowAssembler OpenAccelerometer(BoardPins pins, FirmwareSettings settings, out string status)
        {
            if (!pins.HasSpi || pins.Adxl345ChipSelect == BoardPins.NotConnected)
            {
                status = "no SPI accelerometer on this pin map";
                return null;
            }

            try
            {
                SpiDevice spi = SpiDevice.Create(new SpiConnectionSettings(1, pins.Adxl345ChipSelect) { ClockFrequency = 5000000, Mode = SpiMode.Mode3 });
                Adxl345 accelerometer = new Adxl345(new SpiRegisterBus(spi, 6, Adxl345Bits.SpiRead, Adxl345Bits.SpiMultiByte));
                if (accelerometer.TryInitialize(Adxl345DataRate.Hz3200, Adxl345Range.PlusMinus16G) != Adxl345InitializationResult.Success)
                {
                    status = accelerometer.LastError;
                    return null;
                }

                status = null;
                return new WindowAssembler(accelerometer, settings.WindowLength, settings.Hop, 2 * settings.WindowLength, WindowAssembler.SumOfAxes, 33);
            }
            catch (Exception e)
            {
                status = "ADXL345: " + e.Message;
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
