// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace TinTin.Manifest;

/// <summary>
/// Reads one ESP32 board's pin map and checks it: GPIO numbers in 0..39, no output function on an
/// input-only GPIO (34..39), and no GPIO used twice on the same board.
/// </summary>
internal sealed class PinReader
{
    /// <summary>Highest ESP32 GPIO number.</summary>
    public const int MaxEsp32Gpio = 39;

    /// <summary>First of the input-only GPIOs (34..39) of the ESP32.</summary>
    public const int FirstInputOnlyGpio = 34;

    private readonly ErrorCollector _errors;
    private readonly JsonFields _fields;
    private readonly string _path;
    private readonly List<(int Pin, string Path)> _used = new();

    public PinReader(ErrorCollector errors, JsonFields fields, string path)
    {
        _errors = errors;
        _fields = fields;
        _path = path;
    }

    public PinMap? Read(JsonObject obj)
    {
        _fields.RejectUnknownKeys(obj, _path, "i2c1", "spi1", "chipSelect", "accelerometerInterrupt", "com2", "statusLed");
        int errorsBefore = _errors.Errors.Count;

        I2cPins? i2c = null;
        JsonObject? i2cObj = _fields.Object(obj, _path, "i2c1", required: true);
        if (i2cObj is not null)
        {
            string path = JsonPath.Property(_path, "i2c1");
            _fields.RejectUnknownKeys(i2cObj, path, "sda", "scl");
            int? sda = Pin(i2cObj, path, "sda", output: true);
            int? scl = Pin(i2cObj, path, "scl", output: true);
            i2c = sda is null || scl is null ? null : new I2cPins(sda.Value, scl.Value);
        }

        SpiPins? spi = null;
        JsonObject? spiObj = _fields.Object(obj, _path, "spi1", required: false, allowNull: true);
        if (spiObj is not null)
        {
            string path = JsonPath.Property(_path, "spi1");
            _fields.RejectUnknownKeys(spiObj, path, "mosi", "miso", "clock");
            int? mosi = Pin(spiObj, path, "mosi", output: true);
            int? miso = Pin(spiObj, path, "miso", output: false);
            int? clock = Pin(spiObj, path, "clock", output: true);
            spi = mosi is null || miso is null || clock is null ? null : new SpiPins(mosi.Value, miso.Value, clock.Value);
        }

        var chipSelects = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonObject? csObj = _fields.Object(obj, _path, "chipSelect", required: false);
        if (csObj is not null)
        {
            string path = JsonPath.Property(_path, "chipSelect");
            foreach ((string device, _) in JsonFields.Entries(csObj))
            {
                int? pin = Pin(csObj, path, device, output: true);
                if (pin is not null)
                {
                    chipSelects.Add(device, pin.Value);
                }
            }

            if (chipSelects.Count > 0 && spiObj is null)
            {
                _errors.Add(path, "chip selects are listed but the board has no spi1 bus");
            }
        }

        int? interrupt = obj.ContainsKey("accelerometerInterrupt") && obj["accelerometerInterrupt"] is not null
            ? Pin(obj, _path, "accelerometerInterrupt", output: false)
            : null;

        UartPins? com2 = null;
        JsonObject? comObj = _fields.Object(obj, _path, "com2", required: true);
        if (comObj is not null)
        {
            string path = JsonPath.Property(_path, "com2");
            _fields.RejectUnknownKeys(comObj, path, "tx", "rx");
            int? tx = Pin(comObj, path, "tx", output: true);
            int? rx = Pin(comObj, path, "rx", output: false);
            com2 = tx is null || rx is null ? null : new UartPins(tx.Value, rx.Value);
        }

        LedPin? led = null;
        JsonObject? ledObj = _fields.Object(obj, _path, "statusLed", required: false, allowNull: true);
        if (ledObj is not null)
        {
            string path = JsonPath.Property(_path, "statusLed");
            _fields.RejectUnknownKeys(ledObj, path, "pin", "activeLow");
            int? pin = Pin(ledObj, path, "pin", output: true);
            bool? activeLow = _fields.Bool(ledObj, path, "activeLow", required: true);
            led = pin is null || activeLow is null ? null : new LedPin(pin.Value, activeLow.Value);
        }

        ReportDuplicates();
        bool ok = _errors.Errors.Count == errorsBefore && i2c is not null && com2 is not null;
        return ok ? new PinMap(i2c!, spi, chipSelects, interrupt, com2!, led) : null;
    }

    private int? Pin(JsonObject obj, string parentPath, string key, bool output)
    {
        string path = JsonPath.Property(parentPath, key);
        int? pin = _fields.Int(obj, parentPath, key, required: true);
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
