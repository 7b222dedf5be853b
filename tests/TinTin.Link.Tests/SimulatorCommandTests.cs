// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Threading;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;
using TinTin.Persistence;
using TinTin.Simulator;

namespace TinTin.Link.Tests;

/// <summary>
/// Every command of the protocol, sent by the monitor's session to the simulated board (the real firmware core) over
/// a pseudo-terminal: each is acked and takes effect, and the model fetched over the link is the board's, byte for byte.
/// </summary>
public sealed class SimulatorCommandTests : IDisposable
{
    private static readonly Lazy<FirmwareStages> s_stages = new(() => FirmwareStages.Measure());
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly BoardSimulation _simulation;
    private readonly LinkSession _session;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _board;
    private readonly ConcurrentQueue<(MessageType Type, long A, long B)> _seen = new();

    public SimulatorCommandTests()
    {
        const string board = "ESP32_PSRAM_REV0";
        _simulation = new BoardSimulation(new SimulationOptions { Board = board, Estimate = new StageEstimate(BoardTarget.Find(board), s_stages.Value), Speed = 20 });
        _session = new LinkSession(_simulation.PortPath);
        _session.Hello += (info, hello) => _seen.Enqueue((MessageType.Hello, info.Sequence, 0));
        _session.Event += (info, message) => _seen.Enqueue((MessageType.Event, message.Code, message.Value));
        _session.Counters += (info, counters) =>
        {
            counters.TryGetValue(CounterId.Mode, out long mode);
            counters.TryGetValue(CounterId.Label, out long label);
            _seen.Enqueue((MessageType.Counters, mode, label));
        };
        _session.Start();
        _board = new Thread(() => _simulation.Run(_stop.Token)) { IsBackground = true };
        _board.Start();
        MonitorTests.WaitUntil(() => _seen.Count > 0, 15000);
    }

    [Fact]
    public void Every_command_is_acked_and_takes_effect()
    {
        Acked(CommandCode.SetReportPeriod, 100);
        foreach (DeviceMode mode in new[] { DeviceMode.Collect, DeviceMode.Detect, DeviceMode.Train, DeviceMode.Idle })
        {
            Acked(CommandCode.SetMode, (long)mode);
            WaitFor(MessageType.Counters, (long)mode, null);
        }

        Acked(CommandCode.SetLabel, 3);
        WaitFor(MessageType.Counters, (long)DeviceMode.Idle, 3);
        Acked(CommandCode.SetLabel, -1);
        WaitFor(MessageType.Counters, (long)DeviceMode.Idle, -1);

        Acked(CommandCode.SaveCheckpoint, 0);
        WaitFor(MessageType.Event, (long)EventCode.CheckpointSaved, null);

        Acked(CommandCode.ResetCounters, 0);

        _seen.Clear();
        Acked(CommandCode.SendHello, 0);
        WaitFor(MessageType.Hello, null, null);

        // A label the model does not have (the encoder already refuses arguments outside the protocol's ranges).
        CommandResult refused = _session.Send(new CommandMessage { Code = CommandCode.SetLabel, Argument = 200 }, Patience);
        Assert.Equal(CommandOutcome.Nakked, refused.Outcome);
        Assert.Equal(NakReason.OutOfRange, refused.Reason);
    }

    [Fact]
    public void The_model_fetched_over_the_link_is_the_boards_byte_for_byte()
    {
        // Train a little, then idle so the model holds still while it is compared.
        Acked(CommandCode.SetMode, (long)DeviceMode.Train);
        Acked(CommandCode.SetLabel, 2);
        MonitorTests.WaitUntil(() => _simulation.Core.Loop.TrainingSteps >= 3, 15000);
        Acked(CommandCode.SetMode, (long)DeviceMode.Idle);

        ModelDownloadResult fetched = ModelDownload.Fetch(_session, Patience);

        Assert.Equal(CommandOutcome.Acked, fetched.Command.Outcome);
        Assert.Null(fetched.Problem);
        var model = _simulation.Core.Loop.Model;
        var expected = new byte[ModelFile.GetSize(model)];
        ModelFile.Write(model, expected, 0);
        Assert.Equal(expected, fetched.File);
        Assert.True(_simulation.Core.Loop.TrainingSteps >= 3);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _board.Join(TimeSpan.FromSeconds(10));
        _session.Dispose();
        _simulation.Dispose();
    }

    private void Acked(CommandCode code, long argument)
    {
        CommandResult result = _session.Send(new CommandMessage { Code = code, Argument = argument }, Patience);
        Assert.True(result.Outcome == CommandOutcome.Acked, $"{code} {argument}: {result}");
    }

    // Waits for a message of the type whose two values match (null: any).
    private void WaitFor(MessageType type, long? a, long? b)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < Patience, $"no {type} {a} {b} from the board");
            if (_seen.TryDequeue(out var m) && m.Type == type && (a is null || m.A == a) && (b is null || m.B == b))
            {
                return;
            }

            if (_seen.IsEmpty)
            {
                Thread.Sleep(10);
            }
        }
    }
}
