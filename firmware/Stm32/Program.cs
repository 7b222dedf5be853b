// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.Spi;
using System.Threading;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Nano;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Nano;

namespace TinTin.Firmware.Stm32
{
    /// <summary>
    /// Board entry point for the STM32 targets (NUCLEO-F091RC by default; STM32F769I-DISCO with the
    /// constants below changed): the bus pins are fixed by the firmware image, so nothing is routed.
    /// An ADXL345 on the Arduino header's SPI1 (D13/D12/D11, CS on D10), the data link on the image's
    /// spare UART. No file system on the F091: checkpoints are disabled and reported as such.
    /// </summary>
    public static class Program
    {
        private const string TargetName = "ST_NUCLEO64_F091RC";
        private const int SpiBus = 1;
        private const int ChipSelect = 22;   // D10 = PB6
        private const int LedPin = 5;        // LD2 = PA5
        private const int ButtonPin = 45;    // B1 = PC13, active low

        /// <summary>The firmware entry point.</summary>
        public static void Main()
        {
            BoardTarget target = BoardTarget.Find(TargetName);
            IDeviceClock clock = new TickClock();
            Stm32Board board = new Stm32Board(target, LedPin, ButtonPin, true, clock);
            FirmwareSettings settings = FirmwareSettings.Default();

            string sensorStatus;
            WindowAssembler sensor = OpenAccelerometer(settings, out sensorStatus);
            IEnergyMeter energy = new EstimatedEnergyMeter(clock, target.ActiveMicrowatts, target.IdleMicrowatts);
            DeviceCore core = new DeviceCore(settings, board, clock, energy, sensor, sensorStatus, new SerialLinkPort(target.LinkPort, 921600));
            core.Boot();
            while (true)
            {
                core.Poll();
                Thread.Sleep(1);
            }
        }

        // A missing or wrong chip is reported over the link and the firmware stays up (idle).
        private static WindowAssembler OpenAccelerometer(FirmwareSettings settings, out string status)
        {
            try
            {
                SpiDevice spi = SpiDevice.Create(new SpiConnectionSettings(SpiBus, ChipSelect) { ClockFrequency = 5000000, Mode = SpiMode.Mode3 });
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
    }
}
