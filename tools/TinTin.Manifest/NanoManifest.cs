// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TinTin.Manifest;

/// <summary>The validated project manifest: nanoFramework.json with nanoFramework.local.json merged over it.</summary>
/// <param name="SchemaVersion">The manifest format version (<see cref="ManifestLoader.SupportedSchemaVersion"/>).</param>
/// <param name="DefaultTarget">The key in <paramref name="Targets"/> used when no target is named.</param>
/// <param name="Targets">Boards by nanoff target name (the value passed to <c>nanoff --target</c>).</param>
/// <param name="Nanoff">The pinned nanoff version.</param>
/// <param name="Packages">nanoFramework packages by NuGet id.</param>
/// <param name="DataLink">The device-to-host serial link.</param>
/// <param name="Sources">The files the manifest was read from, and the merged JSON.</param>
public sealed record NanoManifest(
    int SchemaVersion,
    string DefaultTarget,
    IReadOnlyDictionary<string, TargetBoard> Targets,
    NanoffPin Nanoff,
    IReadOnlyDictionary<string, PackagePin> Packages,
    DataLinkSettings DataLink,
    ManifestSources Sources)
{
    /// <summary>The board named by <see cref="DefaultTarget"/>.</summary>
    public TargetBoard Default => Targets[DefaultTarget];
}

/// <summary>Where a manifest came from.</summary>
/// <param name="BaseFile">Full path of nanoFramework.json.</param>
/// <param name="LocalFile">Full path of nanoFramework.local.json, or null when there is none.</param>
/// <param name="Effective">The merged JSON that was validated.</param>
public sealed record ManifestSources(string BaseFile, string? LocalFile, JsonObject Effective);

/// <summary>One firmware target (board).</summary>
/// <param name="Name">The nanoff target name, e.g. ESP32_PSRAM_REV0.</param>
/// <param name="Platform">"esp32" or "stm32".</param>
/// <param name="Board">A human description of the physical board.</param>
/// <param name="Firmware">The pinned firmware image.</param>
/// <param name="Pins">The pin map, or null where the firmware fixes the bus pins (STM32).</param>
/// <param name="Cpu">The core, its clock and whether the silicon has a hardware FPU.</param>
/// <param name="Heap">The managed heap the firmware image leaves, and where that figure comes from.</param>
/// <param name="Storage">The file system checkpoints go to, or null when the image has none (checkpoints are then disabled).</param>
/// <param name="Power">Active and idle power, for the estimated energy of a run.</param>
/// <param name="Sensors">The accelerometers the target supports (sensor ids, e.g. adxl345).</param>
public sealed record TargetBoard(
    string Name,
    string Platform,
    string Board,
    FirmwarePin Firmware,
    PinMap? Pins,
    CpuInfo Cpu,
    ManagedHeap Heap,
    StorageInfo? Storage,
    PowerFigures Power,
    IReadOnlyList<string> Sensors);

/// <summary>The processor of a target.</summary>
/// <param name="Core">The core's name, e.g. "Xtensa LX6 (dual core)".</param>
/// <param name="ClockMhz">The clock the firmware image runs the core at.</param>
/// <param name="Fpu">
/// True when the silicon has a hardware floating-point unit. This, not nanoFramework's
/// <c>SystemInfo.FloatingPointSupport</c> (which misreports on several FPU-less targets), is what
/// the firmware states.
/// </param>
public sealed record CpuInfo(string Core, int ClockMhz, bool Fpu);

/// <summary>The managed heap of a target's firmware image.</summary>
/// <param name="Bytes">Managed heap bytes available to the application.</param>
/// <param name="Kind">"observed" (read from a board) or "estimated" (derived from configuration).</param>
/// <param name="From">Where the figure comes from, or how it was derived.</param>
public sealed record ManagedHeap(int Bytes, string Kind, string From)
{
    /// <summary>The value of <see cref="Kind"/> for a figure read from a board.</summary>
    public const string Observed = "observed";

    /// <summary>The value of <see cref="Kind"/> for a figure derived from configuration.</summary>
    public const string Estimated = "estimated";
}

/// <summary>The file system a target's firmware mounts, where checkpoints are written.</summary>
/// <param name="FileSystem">The drive, e.g. <c>I:</c>.</param>
/// <param name="Bytes">The volume's size, or null when it depends on removable media.</param>
/// <param name="Medium">What holds it (internal flash partition, SD card, ...).</param>
public sealed record StorageInfo(string FileSystem, long? Bytes, string Medium);

/// <summary>Power figures of a board, from a datasheet (or a named measurement).</summary>
/// <param name="ActiveMilliwatts">Power while the CPU runs (training, inference).</param>
/// <param name="IdleMilliwatts">Power while the firmware waits (sensor FIFO filling, link idle).</param>
/// <param name="Voltage">The supply voltage the currents were converted at.</param>
/// <param name="Source">The document, table and values the figures come from.</param>
public sealed record PowerFigures(double ActiveMilliwatts, double IdleMilliwatts, double Voltage, string Source);

/// <summary>A pinned firmware (nanoCLR image) version.</summary>
/// <param name="Version">Four-part firmware version, e.g. 1.12.4.289.</param>
/// <param name="Verified">True once the version was flashed and checked on a real board.</param>
/// <param name="Note">How to verify it, or null.</param>
public sealed record FirmwarePin(string Version, bool Verified, string? Note);

/// <summary>The pins one ESP32 board uses.</summary>
/// <param name="I2c1">I2C bus 1.</param>
/// <param name="Spi1">SPI bus 1, or null when the board has no free SPI bus.</param>
/// <param name="ChipSelects">SPI chip-select GPIO by device name (e.g. adxl345).</param>
/// <param name="AccelerometerInterrupt">The GPIO wired to the accelerometer's interrupt output, or null.</param>
/// <param name="Com2">The data-link UART pins.</param>
/// <param name="StatusLed">The status LED, or null.</param>
public sealed record PinMap(
    I2cPins I2c1,
    SpiPins? Spi1,
    IReadOnlyDictionary<string, int> ChipSelects,
    int? AccelerometerInterrupt,
    UartPins Com2,
    LedPin? StatusLed);

/// <summary>I2C data and clock GPIOs.</summary>
/// <param name="Sda">Data line.</param>
/// <param name="Scl">Clock line.</param>
public sealed record I2cPins(int Sda, int Scl);

/// <summary>SPI bus GPIOs (chip selects are per device).</summary>
/// <param name="Mosi">Controller out.</param>
/// <param name="Miso">Controller in.</param>
/// <param name="Clock">Clock.</param>
public sealed record SpiPins(int Mosi, int Miso, int Clock);

/// <summary>UART GPIOs, seen from the device.</summary>
/// <param name="Tx">Device transmit.</param>
/// <param name="Rx">Device receive.</param>
public sealed record UartPins(int Tx, int Rx);

/// <summary>An LED on a GPIO.</summary>
/// <param name="Pin">The GPIO.</param>
/// <param name="ActiveLow">True when writing low turns it on.</param>
public sealed record LedPin(int Pin, bool ActiveLow);

/// <summary>The nanoff (firmware flasher) version pin.</summary>
/// <param name="Version">The dotnet tool version.</param>
/// <param name="Note">How to install or check it, or null.</param>
public sealed record NanoffPin(string Version, string? Note);

/// <summary>A nanoFramework NuGet package the device projects use.</summary>
/// <param name="Id">NuGet id.</param>
/// <param name="Version">The pinned version (3 or 4 numeric parts).</param>
/// <param name="Assemblies">Assembly names in the package's lib folder.</param>
/// <param name="Dependencies">nuspec dependencies: package id to minimum version.</param>
/// <param name="DevelopmentDependency">True for tooling packages (marked developmentDependency in packages.config).</param>
public sealed record PackagePin(
    string Id,
    string Version,
    IReadOnlyList<string> Assemblies,
    IReadOnlyDictionary<string, string> Dependencies,
    bool DevelopmentDependency)
{
    /// <summary>The assembly version its assemblies carry: the package version padded to four parts.</summary>
    public string AssemblyVersion => VersionText.ToAssemblyVersion(Version);
}

/// <summary>The device-to-host data link.</summary>
/// <param name="Uart">The device UART name, e.g. COM2.</param>
/// <param name="BaudRate">Bits per second.</param>
/// <param name="FrameFormatVersion">Version of the frame format both ends speak (the major protocol version, byte 0 of every frame).</param>
/// <param name="HostPort">The host's serial device (e.g. /dev/ttyUSB0), normally set only in nanoFramework.local.json.</param>
public sealed record DataLinkSettings(string Uart, int BaudRate, int FrameFormatVersion, string? HostPort)
{
    /// <summary>The serial settings and frame rules (dataLink.protocol), or null when the manifest does not describe them.</summary>
    public DataLinkProtocol? Protocol { get; init; }
}
