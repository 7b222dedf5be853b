// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Manifest;

namespace TinTin.Cli.Commands;

/// <summary>The human-readable summary printed by <c>tintin manifest</c>.</summary>
public static class ManifestSummary
{
    /// <summary>Writes the summary.</summary>
    /// <param name="manifest">A validated manifest.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(NanoManifest manifest, TextWriter output)
    {
        output.WriteLine($"Manifest:   {manifest.Sources.BaseFile}");
        output.WriteLine(manifest.Sources.LocalFile is null
            ? $"Local file: none (copy nanoFramework.local.example.json to {ManifestLoader.LocalFileName} for this machine's settings)"
            : $"Local file: {manifest.Sources.LocalFile}");
        output.WriteLine($"Schema:     {manifest.SchemaVersion}");
        output.WriteLine($"nanoff:     {manifest.Nanoff.Version}");

        output.WriteLine();
        output.WriteLine($"Targets (default {manifest.DefaultTarget}):");
        int nameWidth = manifest.Targets.Keys.Max(k => k.Length);
        foreach (TargetBoard target in manifest.Targets.Values)
        {
            string marker = target.Name == manifest.DefaultTarget ? "*" : " ";
            string verified = target.Firmware.Verified ? "verified on a board" : "not yet verified on a board";
            output.WriteLine($"  {marker} {target.Name.PadRight(nameWidth)}  {target.Platform,-5}  firmware {target.Firmware.Version} ({verified})");
            output.WriteLine($"    {new string(' ', nameWidth)}  {target.Board}");
            WriteFigures(target, new string(' ', nameWidth + 6), output);
        }

        output.WriteLine();
        output.WriteLine("Packages:");
        int idWidth = manifest.Packages.Keys.Max(k => k.Length);
        foreach (PackagePin package in manifest.Packages.Values)
        {
            string development = package.DevelopmentDependency ? "  (development)" : string.Empty;
            output.WriteLine($"  {package.Id.PadRight(idWidth)}  {package.Version,-8}  {string.Join(", ", package.Assemblies)}{development}");
        }

        foreach (TargetBoard target in manifest.Targets.Values)
        {
            output.WriteLine();
            WritePins(target, output);
        }

        output.WriteLine();
        DataLinkSettings link = manifest.DataLink;
        output.WriteLine("Data link:");
        output.WriteLine($"  device {link.Uart} at {link.BaudRate} baud, frame format {link.FrameFormatVersion}");
        if (link.Protocol is { } p)
        {
            output.WriteLine($"  {p.DataBits} data bits, parity {p.Parity.ToString().ToLowerInvariant()}, {p.StopBits} stop bit(s), flow control {p.FlowControl.ToString().ToLowerInvariant()}; " +
                $"{p.Framing.ToUpperInvariant()} frames with {(p.Checksum == DataLinkProtocol.Crc32 ? "CRC-32" : p.Checksum)}, protocol {link.FrameFormatVersion}.{p.MinorVersion}, payloads up to {p.MaxPayloadBytes} bytes (frames {p.MaxFrameBytes}), counters every {p.DefaultReportPeriodMs} ms");
        }
        output.WriteLine(link.HostPort is null
            ? $"  host port: not set (put dataLink.hostPort in {ManifestLoader.LocalFileName})"
            : $"  host port: {link.HostPort} (from {ManifestLoader.LocalFileName})");
    }

    /// <summary>The board figures of one target (cpu, heap, storage, power, sensors), one per line.</summary>
    /// <param name="target">The target.</param>
    /// <param name="indent">Prefix of every line.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteFigures(TargetBoard target, string indent, TextWriter output)
    {
        CpuInfo cpu = target.Cpu;
        output.WriteLine($"{indent}cpu      {cpu.Core}, {cpu.ClockMhz} MHz, {(cpu.Fpu ? "hardware FPU" : "no FPU (float in software)")}");
        output.WriteLine(FormattableString.Invariant($"{indent}heap     {target.Heap.Bytes:N0} bytes managed heap ({target.Heap.Kind})"));
        output.WriteLine($"{indent}storage  {DescribeStorage(target.Storage)}");
        PowerFigures power = target.Power;
        output.WriteLine(FormattableString.Invariant($"{indent}power    active {power.ActiveMilliwatts:0.#} mW, idle {power.IdleMilliwatts:0.#} mW at {power.Voltage:0.0#} V"));
        output.WriteLine($"{indent}sensors  {string.Join(", ", target.Sensors)}");
    }

    /// <summary>One line about where checkpoints go on a target.</summary>
    /// <param name="storage">The target's storage, or null.</param>
    /// <returns>The description.</returns>
    public static string DescribeStorage(StorageInfo? storage)
    {
        if (storage is null)
        {
            return "none: no file system in the image, checkpoints disabled (reported in hello and events)";
        }

        string size = storage.Bytes is null ? "size of the card" : FormattableString.Invariant($"{storage.Bytes.Value:N0} bytes");
        return $"{storage.FileSystem} ({size}), checkpoints on";
    }

    private static void WritePins(TargetBoard target, TextWriter output)
    {
        output.WriteLine($"Pins of {target.Name}:");
        PinMap? pins = target.Pins;
        if (pins is null)
        {
            output.WriteLine("  bus pins are fixed by the firmware image");
            return;
        }

        output.WriteLine($"  i2c1   sda {pins.I2c1.Sda}, scl {pins.I2c1.Scl}");
        output.WriteLine(pins.Spi1 is null
            ? "  spi1   none"
            : $"  spi1   mosi {pins.Spi1.Mosi}, miso {pins.Spi1.Miso}, clock {pins.Spi1.Clock}");
        if (pins.ChipSelects.Count > 0)
        {
            output.WriteLine($"  cs     {string.Join(", ", pins.ChipSelects.Select(cs => $"{cs.Key} {cs.Value}"))}");
        }

        output.WriteLine($"  accel  interrupt {(pins.AccelerometerInterrupt is null ? "none" : pins.AccelerometerInterrupt.ToString())}");
        output.WriteLine($"  com2   tx {pins.Com2.Tx}, rx {pins.Com2.Rx}");
        output.WriteLine(pins.StatusLed is null
            ? "  led    none"
            : $"  led    {pins.StatusLed.Pin} (active {(pins.StatusLed.ActiveLow ? "low" : "high")})");
    }
}
