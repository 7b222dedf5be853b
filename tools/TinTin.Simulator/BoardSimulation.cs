// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Learning;
using TinTin.Pty;

namespace TinTin.Simulator;

/// <summary>What to simulate.</summary>
public sealed class SimulationOptions
{
    /// <summary>Gets or sets the accelerometer: adxl345, iis3dwb or mpu6886.</summary>
    public string Sensor { get; set; } = "adxl345";

    /// <summary>Gets or sets the board whose clock and power figures the estimates use.</summary>
    public string Board { get; set; } = "ESP32_PSRAM_REV0";

    /// <summary>Gets or sets the seed of the synthetic vibration.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the board's managed heap (nanoFramework.json), or 0 when unknown (managed free then reads 0).</summary>
    public long ManagedHeapBytes { get; set; }

    /// <summary>Gets or sets the stage estimate; null: measured with the interpreter-cost counter at start.</summary>
    public StageEstimate? Estimate { get; set; }

    /// <summary>Gets or sets simulated seconds per wall second (1: real time, as a board; 0: as fast as the host goes).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>Gets or sets the windows between condition changes while no label is set (detect mode sees every class).</summary>
    public int UnlabelledWindowsPerCondition { get; set; } = 8;

    /// <summary>Gets or sets the simulated time one idle turn of the main loop takes.</summary>
    public int PollMicroseconds { get; set; } = 1000;

    /// <summary>Gets or sets the firmware settings; null: <see cref="FirmwareSettings.Default"/>.</summary>
    public FirmwareSettings? Settings { get; set; }

    /// <summary>Gets or sets the CWRU recordings the chip measures instead of the synthetic bearing, or null.</summary>
    public CwruReplay? Replay { get; set; }

    /// <summary>Gets or sets whether the link waits for a slow reader instead of dropping frames (long runs, tests).</summary>
    public bool LosslessLink { get; set; }

    /// <summary>
    /// Gets or sets a stable path (a symbolic link to the current pseudo-terminal, as /dev/serial/by-id gives for a
    /// board) that survives <see cref="BoardSimulation.Unplug"/> and <see cref="BoardSimulation.Plug"/>; null: none.
    /// </summary>
    public string? LinkPath { get; set; }
}

/// <summary>
/// The firmware core on the host: <see cref="DeviceCore"/> with a simulated chip, board, clock and energy meter,
/// serving the link protocol on a pseudo-terminal. Time is simulated: each turn of the main loop takes
/// <see cref="SimulationOptions.PollMicroseconds"/>, and each window's work takes the board's estimated time
/// (<see cref="StageEstimate"/>), during which the chip keeps sampling into its FIFO, so a board too slow for a
/// sensor overruns as it would. Energy is the board's power figures over that time, flagged as an estimate.
/// </summary>
/// <remarks>
/// The simulated bearing (synthetic, or the CWRU recordings replayed: <see cref="SimulationOptions.Replay"/>) follows
/// the board's label (label k: CWRU class k), so training windows are labelled consistently; with no label it cycles
/// through the ten classes every
/// <see cref="SimulationOptions.UnlabelledWindowsPerCondition"/> windows.
/// </remarks>
public sealed class BoardSimulation : IDisposable
{
    private readonly PtyLinkPort _link;
    private readonly object _plugLock = new();
    private PseudoTerminal? _pty;
    private readonly EstimatedEnergyMeter _meter;
    private readonly SimulationOptions _options;
    private bool _booted;
    private int _windowsCharged;

    /// <summary>Builds the board and opens its pseudo-terminal (the core boots when <see cref="Run"/> starts).</summary>
    /// <param name="options">What to simulate.</param>
    /// <exception cref="ArgumentException">Unknown board or sensor.</exception>
    public BoardSimulation(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Target = BoardTarget.Find(options.Board);
        Estimate = options.Estimate ?? StageEstimate.Measure(Target);
        if (Estimate.Board.Name != Target.Name)
        {
            throw new ArgumentException("the estimate is for another board", nameof(options));
        }

        FirmwareSettings settings = options.Settings ?? FirmwareSettings.Default();
        Clock = new SimulatedClock();
        Sensor = new SimulatedSensor(options.Sensor, settings, options.Seed, options.Replay);
        Clock.Advanced += Sensor.Advance;
        Board = new SimulatedBoard(Target, options.ManagedHeapBytes);
        _meter = new EstimatedEnergyMeter(Clock, Target.ActiveMicrowatts, Target.IdleMicrowatts);
        var stepMeter = new StepChargingMeter(this);
        _pty = PseudoTerminal.Open();
        try
        {
            _link = new PtyLinkPort(_pty, options.LosslessLink);
            Core = new DeviceCore(settings, Board, Clock, stepMeter, Sensor.Assembler, null, _link);
            PointLinkPath();
        }
        catch
        {
            _pty.Dispose();
            throw;
        }

        Board.PlannedBytes = Core.Loop.Model.Plan.TotalBytes;
    }

    /// <summary>Gets the board simulated.</summary>
    public BoardTarget Target { get; }

    /// <summary>Gets the time per stage charged to the simulated clock.</summary>
    public StageEstimate Estimate { get; }

    /// <summary>Gets the simulated clock.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>Gets the simulated accelerometer.</summary>
    public SimulatedSensor Sensor { get; }

    /// <summary>Gets the simulated board services.</summary>
    public SimulatedBoard Board { get; }

    /// <summary>Gets the firmware core.</summary>
    public DeviceCore Core { get; }

    /// <summary>Gets the "serial port" to open: <see cref="SimulationOptions.LinkPath"/>, else the pseudo-terminal's slave.</summary>
    public string PortPath => _options.LinkPath ?? _pty?.SlavePath ?? throw new InvalidOperationException("the board is unplugged");

    /// <summary>Gets whether the link's cable is in.</summary>
    public bool IsPlugged => Volatile.Read(ref _pty) is not null;

    /// <summary>Gets the times the cable was pulled.</summary>
    public int Unplugs { get; private set; }

    /// <summary>Gets the frames dropped because nothing read the terminal fast enough.</summary>
    public long DroppedFrames => _link.DroppedFrames;

    /// <summary>Gets the frames the core wrote that were queued for the terminal (not dropped at once).</summary>
    public long FramesQueued => _link.FramesQueued;

    /// <summary>Boots the core (first call only) and runs its main loop on simulated time.</summary>
    /// <param name="cancellation">Stops the loop.</param>
    /// <param name="simulatedDuration">Stops after this much simulated time, or null to run until cancelled.</param>
    public void Run(CancellationToken cancellation, TimeSpan? simulatedDuration = null)
    {
        if (!_booted)
        {
            _booted = true;
            Core.Boot();
        }

        long startUs = Clock.Microseconds;
        long endUs = simulatedDuration is null ? long.MaxValue : startUs + (long)(simulatedDuration.Value.TotalMilliseconds * 1000);
        var wall = Stopwatch.StartNew();
        while (!cancellation.IsCancellationRequested && Clock.Microseconds < endUs)
        {
            Core.Poll();
            ChargeDrain();
            FollowLabel();
            Clock.Advance(_options.PollMicroseconds);
            if (_options.Speed > 0)
            {
                // Real-time pacing (scaled): never let simulated time run ahead of the wall clock.
                double aheadMs = ((Clock.Microseconds - startUs) / 1000.0 / _options.Speed) - wall.Elapsed.TotalMilliseconds;
                if (aheadMs >= 5)
                {
                    cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(aheadMs));
                }
            }
        }
    }

    /// <summary>
    /// Pulls the cable: the pseudo-terminal closes (a monitor reading it sees the port vanish), the stable path goes
    /// away, and the board keeps running, its frames counted as dropped, until <see cref="Plug"/>.
    /// </summary>
    public void Unplug()
    {
        lock (_plugLock)
        {
            if (_options.LinkPath is not null)
            {
                File.Delete(_options.LinkPath);
            }

            _link.Unplug()?.Dispose();
            Volatile.Write(ref _pty, null);
            Unplugs++;
        }
    }

    /// <summary>Plugs the cable back in: a new pseudo-terminal, the stable path pointed at it.</summary>
    public void Plug()
    {
        lock (_plugLock)
        {
            if (_pty is not null)
            {
                return;
            }

            var pty = PseudoTerminal.Open();
            Volatile.Write(ref _pty, pty);
            PointLinkPath();
            _link.Plug(pty);
        }
    }

    /// <summary>Stops the link and closes the pseudo-terminal.</summary>
    public void Dispose()
    {
        _link.Dispose();
        lock (_plugLock)
        {
            if (_options.LinkPath is not null && _pty is not null)
            {
                File.Delete(_options.LinkPath);
            }

            _pty?.Dispose();
            _pty = null;
        }
    }

    private void PointLinkPath()
    {
        if (_options.LinkPath is not null)
        {
            File.Delete(_options.LinkPath);
            File.CreateSymbolicLink(_options.LinkPath, _pty!.SlavePath);
        }
    }

    private void ChargeDrain()
    {
        // Draining the FIFO happens inside Poll outside the firmware's step timing: active time all the same.
        int taken = Sensor.Assembler.WindowsTaken;
        if (taken > _windowsCharged)
        {
            _meter.BeginActive();
            Clock.Advance((taken - _windowsCharged) * Estimate.DrainUs);
            _meter.EndActive();
            _windowsCharged = taken;
        }
    }

    private void FollowLabel()
    {
        int label = Core.Label;
        if (label != LearningLoop.NoLabel && label >= 0 && label < SimulatedSensor.Conditions)
        {
            Sensor.Condition = label;
        }
        else if (_options.UnlabelledWindowsPerCondition > 0)
        {
            Sensor.Condition = Sensor.Assembler.WindowsTaken / _options.UnlabelledWindowsPerCondition % SimulatedSensor.Conditions;
        }
    }

    /// <summary>
    /// The meter the core sees: the core brackets each step with BeginActive/EndActive and times it with the clock,
    /// so the step's estimated duration is charged to the clock just before it ends.
    /// </summary>
    private sealed class StepChargingMeter(BoardSimulation simulation) : IEnergyMeter
    {
        private long _trainingStepsAtStart;

        public bool IsEstimate => true;

        public void BeginActive()
        {
            _trainingStepsAtStart = simulation.Core.Loop.TrainingSteps;
            simulation._meter.BeginActive();
        }

        public void EndActive()
        {
            bool trained = simulation.Core.Loop.TrainingSteps > _trainingStepsAtStart;
            simulation.Clock.Advance(trained ? simulation.Estimate.TrainStepUs : simulation.Estimate.InferenceUs);
            simulation._meter.EndActive();
        }

        public long ReadMicrojoules() => simulation._meter.ReadMicrojoules();
    }
}
