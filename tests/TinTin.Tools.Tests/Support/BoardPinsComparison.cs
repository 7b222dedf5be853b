// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TinTin.Firmware.Core;
using TinTin.Manifest;

namespace TinTin.Tools.Tests.Support;

/// <summary>
/// Compares a firmware <see cref="BoardPins"/> map with <c>targets.&lt;TargetName&gt;.pins</c> of the
/// manifest. The firmware copies the pin map by hand (nanoFramework cannot read JSON at start-up
/// cheaply), so this comparison is what keeps the two equal.
/// </summary>
public static class BoardPinsComparison
{
    /// <summary>The chip-select keys of <c>pins.chipSelect</c> that BoardPins has a property for.</summary>
    private static readonly string[] KnownChipSelects = { "adxl345", "iis3dwb" };

    /// <summary>
    /// Every pin property of <see cref="BoardPins"/> with the value the manifest gives it; a pin the
    /// manifest leaves out (null section or missing key) is <see cref="BoardPins.NotConnected"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<PinMap, object>> ManifestValues = new Dictionary<string, Func<PinMap, object>>
    {
        [nameof(BoardPins.I2cData)] = p => p.I2c1.Sda,
        [nameof(BoardPins.I2cClock)] = p => p.I2c1.Scl,
        [nameof(BoardPins.SpiMosi)] = p => p.Spi1?.Mosi ?? BoardPins.NotConnected,
        [nameof(BoardPins.SpiMiso)] = p => p.Spi1?.Miso ?? BoardPins.NotConnected,
        [nameof(BoardPins.SpiClock)] = p => p.Spi1?.Clock ?? BoardPins.NotConnected,
        [nameof(BoardPins.Adxl345ChipSelect)] = p => p.ChipSelects.TryGetValue("adxl345", out int pin) ? pin : BoardPins.NotConnected,
        [nameof(BoardPins.Iis3dwbChipSelect)] = p => p.ChipSelects.TryGetValue("iis3dwb", out int pin) ? pin : BoardPins.NotConnected,
        [nameof(BoardPins.AccelerometerInterrupt)] = p => p.AccelerometerInterrupt ?? BoardPins.NotConnected,
        [nameof(BoardPins.DataLinkTx)] = p => p.Com2.Tx,
        [nameof(BoardPins.DataLinkRx)] = p => p.Com2.Rx,
        [nameof(BoardPins.StatusLed)] = p => p.StatusLed?.Pin ?? BoardPins.NotConnected,
        [nameof(BoardPins.StatusLedActiveLow)] = p => p.StatusLed?.ActiveLow ?? false,
    };

    /// <summary>The BoardPins properties that are not pins: the target's name and a derived flag.</summary>
    public static readonly string[] NotPins = { nameof(BoardPins.TargetName), nameof(BoardPins.HasSpi) };

    /// <summary>The public factories of BoardPins (<c>Esp32DevKit()</c>, <c>M5StickC()</c>, ...), by method name.</summary>
    public static IReadOnlyDictionary<string, Func<BoardPins>> Factories() =>
        typeof(BoardPins).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(BoardPins) && m.GetParameters().Length == 0)
            .ToDictionary(m => m.Name, m => (Func<BoardPins>)(() => (BoardPins)m.Invoke(null, null)!));

    /// <summary>Every disagreement between <paramref name="board"/> and its target in <paramref name="manifest"/>, one line each.</summary>
    public static IReadOnlyList<string> Differences(BoardPins board, NanoManifest manifest)
    {
        string section = $"targets.{board.TargetName}.pins";
        if (!manifest.Targets.TryGetValue(board.TargetName, out TargetBoard? target))
        {
            return new[] { $"{board.TargetName}: BoardPins names a target that {ManifestLoader.FileName} does not have" };
        }

        if (target.Pins is null)
        {
            return new[] { $"{board.TargetName}: {section} is null in {ManifestLoader.FileName}, but BoardPins has a pin map" };
        }

        var differences = new List<string>();
        foreach ((string property, Func<PinMap, object> manifestValue) in ManifestValues)
        {
            object boardValue = typeof(BoardPins).GetProperty(property)!.GetValue(board)!;
            object expected = manifestValue(target.Pins);
            if (!boardValue.Equals(expected))
            {
                differences.Add($"{board.TargetName}: BoardPins.{property} is {Show(boardValue)} but {ManifestLoader.FileName} {section} gives {Show(expected)}");
            }
        }

        foreach (string device in target.Pins.ChipSelects.Keys.Except(KnownChipSelects))
        {
            differences.Add($"{board.TargetName}: {section}.chipSelect.{device} has no BoardPins property: add one or remove it from {ManifestLoader.FileName}");
        }

        return differences;
    }

    private static string Show(object value) => value is int pin && pin == BoardPins.NotConnected ? "NotConnected" : value.ToString()!;
}
