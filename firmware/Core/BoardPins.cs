// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core
{
    /// <summary>
    /// The GPIO pin map the firmware uses on one board: sensor buses, accelerometer chip selects and
    /// interrupt, the COM2 data link to the host tool, and the status LED.
    /// </summary>
    /// <remarks>
    /// The values mirror <c>targets.&lt;TargetName&gt;.pins</c> in <c>nanoFramework.json</c> at the
    /// repository root; change both together. A pin the board does not provide is
    /// <see cref="NotConnected"/>.
    /// </remarks>
    public sealed class BoardPins
    {
        /// <summary>
        /// The value of a pin the board does not provide.
        /// </summary>
        public const int NotConnected = -1;

        private BoardPins(
            string targetName,
            int i2cData,
            int i2cClock,
            int spiMosi,
            int spiMiso,
            int spiClock,
            int adxl345ChipSelect,
            int iis3dwbChipSelect,
            int accelerometerInterrupt,
            int dataLinkTx,
            int dataLinkRx,
            int statusLed,
            bool statusLedActiveLow)
        {
            TargetName = targetName;
            I2cData = i2cData;
            I2cClock = i2cClock;
            SpiMosi = spiMosi;
            SpiMiso = spiMiso;
            SpiClock = spiClock;
            Adxl345ChipSelect = adxl345ChipSelect;
            Iis3dwbChipSelect = iis3dwbChipSelect;
            AccelerometerInterrupt = accelerometerInterrupt;
            DataLinkTx = dataLinkTx;
            DataLinkRx = dataLinkRx;
            StatusLed = statusLed;
            StatusLedActiveLow = statusLedActiveLow;
        }

        /// <summary>
        /// Gets the nanoFramework target this pin map belongs to: its key under <c>targets</c> in nanoFramework.json.
        /// </summary>
        public string TargetName { get; }

        /// <summary>
        /// Gets the I2C1 data (SDA) pin.
        /// </summary>
        public int I2cData { get; }

        /// <summary>
        /// Gets the I2C1 clock (SCL) pin.
        /// </summary>
        public int I2cClock { get; }

        /// <summary>
        /// Gets the SPI1 MOSI pin, or <see cref="NotConnected"/>.
        /// </summary>
        public int SpiMosi { get; }

        /// <summary>
        /// Gets the SPI1 MISO pin, or <see cref="NotConnected"/>.
        /// </summary>
        public int SpiMiso { get; }

        /// <summary>
        /// Gets the SPI1 clock pin, or <see cref="NotConnected"/>.
        /// </summary>
        public int SpiClock { get; }

        /// <summary>
        /// Gets the chip-select pin of an ADXL345 on SPI1, or <see cref="NotConnected"/>.
        /// </summary>
        public int Adxl345ChipSelect { get; }

        /// <summary>
        /// Gets the chip-select pin of an IIS3DWB on SPI1, or <see cref="NotConnected"/>.
        /// </summary>
        public int Iis3dwbChipSelect { get; }

        /// <summary>
        /// Gets the pin wired to the accelerometer's interrupt output (FIFO watermark, data ready).
        /// </summary>
        public int AccelerometerInterrupt { get; }

        /// <summary>
        /// Gets the COM2 transmit pin of the data link to the host tool.
        /// </summary>
        public int DataLinkTx { get; }

        /// <summary>
        /// Gets the COM2 receive pin of the data link to the host tool.
        /// </summary>
        public int DataLinkRx { get; }

        /// <summary>
        /// Gets the status LED pin.
        /// </summary>
        public int StatusLed { get; }

        /// <summary>
        /// Gets a value indicating whether the status LED lights when its pin is driven low.
        /// </summary>
        public bool StatusLedActiveLow { get; }

        /// <summary>
        /// Gets a value indicating whether the board has the SPI1 bus wired.
        /// </summary>
        public bool HasSpi
        {
            get { return SpiMosi != NotConnected && SpiMiso != NotConnected && SpiClock != NotConnected; }
        }

        /// <summary>
        /// The pin map of an ESP32 DevKitC (WROVER module) running the ESP32_PSRAM_REV0 image.
        /// GPIO16/17 drive the PSRAM on WROVER modules, so the data link uses GPIO32/33.
        /// </summary>
        /// <returns>The ESP32 DevKitC pin map.</returns>
        public static BoardPins Esp32DevKit()
        {
            return new BoardPins(
                targetName: "ESP32_PSRAM_REV0",
                i2cData: 21,
                i2cClock: 22,
                spiMosi: 23,
                spiMiso: 19,
                spiClock: 18,
                adxl345ChipSelect: 5,
                iis3dwbChipSelect: 4,
                accelerometerInterrupt: 34,
                dataLinkTx: 33,
                dataLinkRx: 32,
                statusLed: 2,
                statusLedActiveLow: false);
        }

        /// <summary>
        /// The pin map of an M5StickC (or M5StickC Plus): the built-in MPU6886 on the internal I2C bus,
        /// no free SPI bus (the LCD uses it), the data link on the Grove port.
        /// </summary>
        /// <returns>The M5StickC pin map.</returns>
        public static BoardPins M5StickC()
        {
            return new BoardPins(
                targetName: "M5StickC",
                i2cData: 21,
                i2cClock: 22,
                spiMosi: NotConnected,
                spiMiso: NotConnected,
                spiClock: NotConnected,
                adxl345ChipSelect: NotConnected,
                iis3dwbChipSelect: NotConnected,
                accelerometerInterrupt: 35,
                dataLinkTx: 32,
                dataLinkRx: 33,
                statusLed: 10,
                statusLedActiveLow: true);
        }

        /// <summary>
        /// The pin map of an ESP32-C3-DevKitM-1 running the ESP32_C3 image: SPI1 on the FSPI IO_MUX
        /// pins (clock 6, MOSI 7, MISO 2) with the ADXL345 chip select on GPIO10, I2C1 on GPIO4/5, the
        /// data link (UART1) on GPIO0/1. The board's only LED is a WS2812 RGB LED on GPIO8, which
        /// needs a timed data stream rather than a level, so there is no plain status LED.
        /// </summary>
        /// <returns>The ESP32-C3-DevKitM-1 pin map.</returns>
        public static BoardPins Esp32C3DevKitM()
        {
            return new BoardPins(
                targetName: "ESP32_C3",
                i2cData: 4,
                i2cClock: 5,
                spiMosi: 7,
                spiMiso: 2,
                spiClock: 6,
                adxl345ChipSelect: 10,
                iis3dwbChipSelect: NotConnected,
                accelerometerInterrupt: 3,
                dataLinkTx: 0,
                dataLinkRx: 1,
                statusLed: NotConnected,
                statusLedActiveLow: false);
        }
    }
}
