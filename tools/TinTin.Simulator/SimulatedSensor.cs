// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.App;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Devices.Iis3dwb;
using TinTin.Sensors.Devices.Mpu6886;
using TinTin.Sensors.Simulation;

namespace TinTin.Simulator;

/// <summary>
/// An accelerometer as the firmware sees it: the register-level chip simulator, the real driver on top of it
/// (initialised exactly as firmware/Nano/Program.cs does) and the firmware's <see cref="WindowAssembler"/>. The chip
/// measures a <see cref="SyntheticBearingSource"/>, or a <see cref="CwruReplay"/> of the real recordings, on its first
/// axis (the others read 0, so the firmware's sum of axes is that signal); the bearing's condition is
/// <see cref="Condition"/>, which may change at any time: the next samples (after those already buffered, at most 256)
/// come from a fresh synthetic source with that fault, or from that condition's recording where it was left.
/// </summary>
public sealed class SimulatedSensor
{
    /// <summary>The sensors that can be simulated, as <c>--sensor</c> names them.</summary>
    public static readonly string[] Names = ["adxl345", "iis3dwb", "mpu6886"];

    /// <summary>The number of conditions (the CWRU classes).</summary>
    public const int Conditions = 10;

    private const int ChunkSamples = 256;

    private readonly Action<int> _advance;
    private readonly int[] _chunk = new int[ChunkSamples];
    private readonly int _seed;
    private readonly CwruReplay? _replay;
    private readonly int _driverMicroGNumerator;
    private readonly int _driverMicroGDenominator;
    private ISampleSource? _source;
    private int _condition;
    private long _chunkStart;
    private int _chunkLength;
    private int _sources;
    private long _countsNumerator = 1;
    private long _countsDenominator = 1;

    /// <summary>Creates the chip, starts its driver and the window assembler.</summary>
    /// <param name="sensor">adxl345, iis3dwb or mpu6886.</param>
    /// <param name="settings">The firmware settings (window length and hop).</param>
    /// <param name="seed">The seed of the synthetic vibration.</param>
    /// <exception cref="ArgumentException">Unknown sensor, or its driver did not start.</exception>
    public SimulatedSensor(string sensor, FirmwareSettings settings, int seed)
        : this(sensor, settings, seed, null)
    {
    }

    /// <summary>Creates the chip measuring the synthetic bearing or a replay of the CWRU recordings.</summary>
    /// <param name="sensor">adxl345, iis3dwb or mpu6886.</param>
    /// <param name="settings">The firmware settings (window length and hop).</param>
    /// <param name="seed">The seed of the synthetic vibration (unused by a replay).</param>
    /// <param name="replay">The CWRU recordings to replay, or null for the synthetic bearing.</param>
    /// <exception cref="ArgumentException">Unknown sensor, or its driver did not start.</exception>
    public SimulatedSensor(string sensor, FirmwareSettings settings, int seed, CwruReplay? replay)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _seed = seed;
        _replay = replay;
        Name = sensor;
        ISampleSource driver;
        int burst;
        switch (sensor)
        {
            case "adxl345":
                var adxl = new Adxl345Simulator(Signal);
                var adxlDriver = new Adxl345(adxl);
                Check(adxlDriver.TryInitialize(Adxl345DataRate.Hz3200, Adxl345Range.PlusMinus16G) == Adxl345InitializationResult.Success, adxlDriver.LastError);
                _advance = adxl.Advance;
                driver = adxlDriver;
                burst = 33;
                break;
            case "iis3dwb":
                var iis = new Iis3dwbSimulator(Signal);
                var iisDriver = new Iis3dwb(iis);
                Check(iisDriver.TryInitialize(Iis3dwbRange.PlusMinus16G) == Iis3dwbInitializationResult.Success, iisDriver.LastError);
                _advance = iis.Advance;
                driver = iisDriver;
                burst = Iis3dwb.DefaultMaxWordsPerBurst;
                break;
            case "mpu6886":
                var mpu = new Mpu6886Simulator(Signal);
                var mpuDriver = new Mpu6886(mpu);
                Check(mpuDriver.TryInitialize(Mpu6886Range.PlusMinus16G, 0) == Mpu6886InitializationResult.Success, mpuDriver.LastError);
                _advance = mpu.Advance;
                driver = mpuDriver;
                burst = Mpu6886.MaxRecordsPerBurst;
                break;
            default:
                throw new ArgumentException($"unknown sensor {sensor}: use {string.Join(", ", Names)}", nameof(sensor));
        }

        SampleRateHz = driver.SampleRateHz;

        _driverMicroGNumerator = driver.MicroGPerCountNumerator;
        _driverMicroGDenominator = driver.MicroGPerCountDenominator;
        Assembler = new WindowAssembler(driver, settings.WindowLength, settings.Hop, 2 * settings.WindowLength, WindowAssembler.SumOfAxes, burst);
    }

    /// <summary>Gets what the chip measures: "synthetic" or "cwru".</summary>
    public string SourceName => _replay is null ? "synthetic" : "cwru";

    /// <summary>Gets the sensor's name.</summary>
    public string Name { get; }

    /// <summary>Gets the output data rate the driver set.</summary>
    public int SampleRateHz { get; }

    /// <summary>Gets the firmware's window assembler over the driver.</summary>
    public WindowAssembler Assembler { get; }

    /// <summary>
    /// Gets or sets the bearing condition the chip measures from the next samples on, as a class of the CWRU task
    /// the firmware's model learns (0 normal; 1-3 inner race, 4-6 ball, 7-9 outer race at 0.007, 0.014, 0.021 in).
    /// </summary>
    /// <remarks>The synthetic source has no defect size: larger defects get larger impulses (1, 2, 3 g).</remarks>
    public int Condition
    {
        get => _condition;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, Conditions);
            if (value != _condition)
            {
                _condition = value;
                _source = null;
            }
        }
    }

    /// <summary>Gets the bearing fault of a condition.</summary>
    /// <param name="condition">The class, 0 to 9.</param>
    /// <returns>The fault.</returns>
    public static FaultKind FaultOf(int condition) =>
        condition == 0 ? FaultKind.Healthy : condition <= 3 ? FaultKind.InnerRace : condition <= 6 ? FaultKind.Ball : FaultKind.OuterRace;

    /// <summary>Moves the chip's time on (it samples into its FIFO, overflowing when the firmware is late).</summary>
    /// <param name="microseconds">The step.</param>
    public void Advance(long microseconds)
    {
        while (microseconds > 0)
        {
            int step = (int)Math.Min(microseconds, int.MaxValue);
            _advance(step);
            microseconds -= step;
        }
    }

    private static void Check(bool started, string error)
    {
        if (!started)
        {
            throw new ArgumentException("the simulated sensor did not start: " + error);
        }
    }

    // The chips ask per axis and sample index, in increasing index order: buffer the source's output in chunks.
    private int Signal(int axis, int sampleIndex)
    {
        if (axis != 0)
        {
            return 0;
        }

        while (sampleIndex >= _chunkStart + _chunkLength)
        {
            if (_source is null)
            {
                _source = _replay is not null ? _replay.Open(_condition, SampleRateHz) : Synthetic();

                // The source's counts in micro-g, then the chip's counts: source × (num / den) / (chip num / chip den).
                _countsNumerator = (long)_source.MicroGPerCountNumerator * _driverMicroGDenominator;
                _countsDenominator = (long)_source.MicroGPerCountDenominator * _driverMicroGNumerator;
            }

            _chunkStart += _chunkLength;
            _source.TryRead(_chunk, 0, ChunkSamples, out _chunkLength);
        }

        if (sampleIndex < _chunkStart)
        {
            return 0;
        }

        // Rounded to the nearest count (halves away from zero), as AccelerometerCounts quantises the benchmark's data.
        long scaled = _chunk[sampleIndex - _chunkStart] * _countsNumerator;
        long half = _countsDenominator / 2;
        return (int)(scaled >= 0 ? (scaled + half) / _countsDenominator : (scaled - half) / _countsDenominator);
    }

    // A new condition is a new synthetic recording: seed it apart from the previous ones.
    private SyntheticBearingSource Synthetic()
    {
        int resonance = Math.Min(SyntheticBearingSource.DefaultResonanceHz, SampleRateHz / 4);
        int amplitude = _condition == 0 ? SyntheticBearingSource.DefaultAmplitudeCounts : 1000 * (1 + ((_condition - 1) % 3));
        return new SyntheticBearingSource(FaultOf(_condition), _seed + _sources++, SampleRateHz, SyntheticBearingSource.DefaultShaftRpm,
            amplitude, resonance, BearingGeometry.Skf6205);
    }
}
