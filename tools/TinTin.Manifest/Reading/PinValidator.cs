// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>
/// Checks one ESP32 board's pin map: GPIO numbers in 0..39, no output function on an input-only
/// GPIO (34..39), and no GPIO used twice on the same board.
/// </summary>
internal sealed class PinValidator
{
    /// <summary>Highest ESP32 GPIO number.</summary>
    public const int MaxEsp32Gpio = 39;

    /// <summary>First of the input-only GPIOs (34..39) of the ESP32.</summary>
    public const int FirstInputOnlyGpio = 34;

    private readonly ErrorCollector _errors;
    private readonly FieldReader _fields;
    private readonly string _path;
    private readonly List<(int Pin, string Path)> _used = new();

    public PinValidator(ErrorCollector errors, FieldReader fields, string path)
    {
        _errors = errors;
        _fields = fields;
        _path = path;
    }

    public PinMap? Validate(PinsDocument pins)
    {
        _fields.RejectUnknownKeys<PinsDocument>(pins.Extra, _path);
        int errorsBefore = _errors.Errors.Count;

        I2cPins? i2c = null;
        string i2cPath = JsonPath.Property(_path, "i2c1");
        I2cDocument? i2cDocument = _fields.Object(pins.I2c1, i2cPath, required: true);
        if (i2cDocument is not null)
        {
            _fields.RejectUnknownKeys<I2cDocument>(i2cDocument.Extra, i2cPath);
            int? sda = Pin(i2cDocument.Sda, i2cPath, "sda", output: true);
            int? scl = Pin(i2cDocument.Scl, i2cPath, "scl", output: true);
            i2c = sda is null || scl is null ? null : new I2cPins(sda.Value, scl.Value);
        }

        SpiPins? spi = null;
        string spiPath = JsonPath.Property(_path, "spi1");
        SpiDocument? spiDocument = _fields.Object(pins.Spi1, spiPath, required: false, allowNull: true);
        if (spiDocument is not null)
        {
            _fields.RejectUnknownKeys<SpiDocument>(spiDocument.Extra, spiPath);
            int? mosi = Pin(spiDocument.Mosi, spiPath, "mosi", output: true);
            int? miso = Pin(spiDocument.Miso, spiPath, "miso", output: false);
            int? clock = Pin(spiDocument.Clock, spiPath, "clock", output: true);
            spi = mosi is null || miso is null || clock is null ? null : new SpiPins(mosi.Value, miso.Value, clock.Value);
        }

        var chipSelects = new Dictionary<string, int>(StringComparer.Ordinal);
        string csPath = JsonPath.Property(_path, "chipSelect");
        Dictionary<string, JsonField<int>>? csEntries = _fields.Object(pins.ChipSelect, csPath, required: false);
        if (csEntries is not null)
        {
            foreach ((string device, JsonField<int> field) in FieldReader.Entries(csEntries))
            {
                int? pin = Pin(field, csPath, device, output: true);
                if (pin is not null)
                {
                    chipSelects.Add(device, pin.Value);
                }
            }

            if (chipSelects.Count > 0 && spiDocument is null)
            {
                _errors.Add(csPath, "chip selects are listed but the board has no spi1 bus");
            }
        }

        // Absent and null both mean "not wired".
        int? interrupt = pins.AccelerometerInterrupt.IsSet ? Pin(pins.AccelerometerInterrupt, _path, "accelerometerInterrupt", output: false) : null;

        UartPins? com2 = null;
        string comPath = JsonPath.Property(_path, "com2");
        UartDocument? comDocument = _fields.Object(pins.Com2, comPath, required: true);
        if (comDocument is not null)
        {
            _fields.RejectUnknownKeys<UartDocument>(comDocument.Extra, comPath);
            int? tx = Pin(comDocument.Tx, comPath, "tx", output: true);
            int? rx = Pin(comDocument.Rx, comPath, "rx", output: false);
            com2 = tx is null || rx is null ? null : new UartPins(tx.Value, rx.Value);
        }

        LedPin? led = null;
        string ledPath = JsonPath.Property(_path, "statusLed");
        LedDocument? ledDocument = _fields.Object(pins.StatusLed, ledPath, required: false, allowNull: true);
        if (ledDocument is not null)
        {
            _fields.RejectUnknownKeys<LedDocument>(ledDocument.Extra, ledPath);
            int? pin = Pin(ledDocument.Pin, ledPath, "pin", output: true);
            bool? activeLow = _fields.Bool(ledDocument.ActiveLow, JsonPath.Property(ledPath, "activeLow"), required: true);
            led = pin is null || activeLow is null ? null : new LedPin(pin.Value, activeLow.Value);
        }

        ReportDuplicates();
        bool ok = _errors.Errors.Count == errorsBefore && i2c is not null && com2 is not null;
        return ok ? new PinMap(i2c!, spi, chipSelects, interrupt, com2!, led) : null;
    }

    private int? Pin(JsonField<int> field, string parentPath, string key, bool output)
    {
        string path = JsonPath.Property(parentPath, key);
        int? pin = _fields.Int(field, path, required: true);
        if (pin is null)
        {
            return null;
        }

        if (pin < 0 || pin > MaxEsp32Gpio)
        {
            _errors.Add(path, $"pin {pin} is out of range: ESP32 GPIOs are 0..{MaxEsp32Gpio}");
            return null;
        }

        if (output && pin >= FirstInputOnlyGpio)
        {
            _errors.Add(path, $"GPIO {pin} is input-only on ESP32 ({FirstInputOnlyGpio}..{MaxEsp32Gpio}) and cannot drive '{key}'");
        }

        _used.Add((pin.Value, path));
        return pin;
    }

    private void ReportDuplicates()
    {
        foreach (IGrouping<int, (int Pin, string Path)> group in _used.GroupBy(u => u.Pin).Where(g => g.Count() > 1))
        {
            string first = group.First().Path;
            foreach ((int pin, string path) in group.Skip(1))
            {
                _errors.Add(path, $"GPIO {pin} is already used by {first}");
            }
        }
    }
}
