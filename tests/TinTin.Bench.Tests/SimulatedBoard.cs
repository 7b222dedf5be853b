// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Threading;
using System.Threading.Tasks;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core;
using TinTin.Simulator;

namespace TinTin.Bench.Tests;

/// <summary>
/// <c>tintin simulate</c>'s board on a background thread at full host speed, serving the link on a real
/// pseudo-terminal (<see cref="Port"/>), as the device bench and the CWRU replay tests use it.
/// </summary>
internal sealed class SimulatedBoard : IDisposable
{
    // The interpreter-cost measurement is deterministic: once for every test of the process.
    private static readonly Lazy<FirmwareStages> s_stages = new(() => FirmwareStages.Measure());
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public SimulatedBoard(string sensor = "adxl345", CwruReplay? replay = null, string board = "ESP32_PSRAM_REV0")
    {
        Simulation = new BoardSimulation(new SimulationOptions
        {
            Board = board,
            Sensor = sensor,
            Replay = replay,
            Estimate = new StageEstimate(BoardTarget.Find(board), s_stages.Value),
            Speed = 0,
            LosslessLink = true,
        });
        _run = Task.Run(() => Simulation.Run(_stop.Token));
    }

    public BoardSimulation Simulation { get; }

    public string Port => Simulation.PortPath;

    public void Dispose()
    {
        _stop.Cancel();
        _run.Wait(TimeSpan.FromSeconds(10));
        Simulation.Dispose();
        _stop.Dispose();
    }
}
