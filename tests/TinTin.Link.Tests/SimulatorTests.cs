// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO.Ports;
using System.Threading;
using System.Threading.Tasks;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.Link;
using TinTin.Simulator;

namespace TinTin.Link.Tests;

/// <summary>
/// <c>tintin simulate</c>'s board over a real pseudo-terminal, opened as a serial port: the hello, command
/// round trips, the estimated counters and on-board training.
/// </summary>
public class SimulatorTests
{
    // The interpreter-cost measurement is deterministic and board-independent: once for all tests.
    private static readonly Lazy<FirmwareStages> s_stages = new(() => FirmwareStages.Measure());

    [Theory]
    [InlineData("ESP32_PSRAM_REV0", "adxl345")]
    [InlineData("ST_NUCLEO64_F091RC", "mpu6886")]
    [InlineData("ESP32_C3", "iis3dwb")]
    public void Hello_arrives_first_with_the_boards_target_and_fpu_flag(string board, string sensor)
    {
        using var session = new Session(board, sensor);
        Frame first = session.Next();
        Assert.Equal(MessageType.Hello, first.Type);
        var hello = new HelloMessage();
        Assert.Equal(NakReason.None, hello.Read(first.Payload, 0, first.Payload.Length));
        Assert.Equal(board, hello.TargetName);
        Assert.Equal(BoardTarget.Find(board).HasFpu, hello.HasFpu);
    }

    [Fact]
    public void Commands_are_acked_counters_carry_the_boards_estimates_and_labelled_windows_train()
    {
        const string board = "ESP32_C3";
        using var session = new Session(board, "adxl345");
        BoardTarget target = BoardTarget.Find(board);
        FirmwareStages stages = s_stages.Value;

        // Unlabelled windows are inferences, timed at the board's clock from the interpreter-cost estimate.
        CountersMessage counters = session.Counters(c => Get(c, CounterId.InferenceUs) > 0);
        Assert.Equal(1, Get(counters, CounterId.EnergyEstimated));
        Assert.Equal((stages.Features + stages.Inference) / target.ClockMhz, Get(counters, CounterId.InferenceUs));
        long inferenceUj = Get(counters, CounterId.EnergyPerInferenceUj);
        Assert.InRange(inferenceUj, session.Simulation.Estimate.InferenceUj - 1, session.Simulation.Estimate.InferenceUj + 1);
        Assert.True(inferenceUj > 0);
        Assert.Equal(0, Get(counters, CounterId.TrainingSteps));

        session.Command(41, CommandCode.SetMode, (long)DeviceMode.Train);
        session.Command(42, CommandCode.SetLabel, 7);

        counters = session.Counters(c => Get(c, CounterId.TrainingSteps) > 0 && Get(c, CounterId.Label) == 7);
        long steps = Get(counters, CounterId.TrainingSteps);
        Assert.Equal((long)DeviceMode.Train, Get(counters, CounterId.Mode));
        Assert.Equal((stages.Features + stages.Training) / target.ClockMhz, Get(counters, CounterId.TrainStepUs));
        Assert.Equal(1, Get(counters, CounterId.EnergyEstimated));

        // Training goes on: the counter keeps rising, and the simulated bearing follows the label.
        counters = session.Counters(c => Get(c, CounterId.TrainingSteps) > steps);
        Assert.Equal(7, session.Simulation.Sensor.Condition);
        Assert.True(Get(counters, CounterId.UptimeMs) > 0);
    }

    private static long Get(CountersMessage counters, CounterId id) =>
        counters.TryGetValue(id, out long value) ? value : throw new Xunit.Sdk.XunitException($"no counter {id}");

    private sealed record Frame(MessageType Type, int Sequence, byte[] Payload);

    /// <summary>A simulation on a background thread and a serial port on its pseudo-terminal.</summary>
    private sealed class Session : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
        private readonly SerialPort _port;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;
        private readonly FrameDecoder _decoder = new();
        private readonly FrameEncoder _encoder = new();
        private readonly Queue<Frame> _frames = new();
        private readonly byte[] _buffer = new byte[4096];

        public Session(string board, string sensor)
        {
            Simulation = new BoardSimulation(new SimulationOptions
            {
                Board = board,
                Sensor = sensor,
                Estimate = new StageEstimate(BoardTarget.Find(board), s_stages.Value),
                Speed = 20,
            });

            // The port opens before the core boots, so the hello is the first thing read.
            _port = new SerialPort(Simulation.PortPath, 921600) { ReadTimeout = 1000 };
            _port.Open();
            _run = Task.Run(() => Simulation.Run(_stop.Token));
        }

        public BoardSimulation Simulation { get; }

        public Frame Next()
        {
            var clock = Stopwatch.StartNew();
            while (_frames.Count == 0)
            {
                Assert.True(clock.Elapsed < Patience, "no frame from the simulated board");
                int n;
                try
                {
                    n = _port.Read(_buffer, 0, _buffer.Length);
                }
                catch (TimeoutException)
                {
                    continue;
                }

                for (int used = 0; used < n;)
                {
                    used += _decoder.Feed(_buffer, used, n - used);
                    if (_decoder.HasFrame)
                    {
                        _frames.Enqueue(new Frame(_decoder.Type, _decoder.Sequence, _decoder.Buffer.AsSpan(_decoder.PayloadOffset, _decoder.PayloadLength).ToArray()));
                    }
                }
            }

            return _frames.Dequeue();
        }

        public void Command(int sequence, CommandCode code, long argument)
        {
            var command = new CommandMessage { Code = code, Argument = argument };
            int length = _encoder.EncodeWithSequence(MessageType.Command, sequence, 0, _encoder.Payload, 0, command.Write(_encoder.Payload, 0));
            _port.Write(_encoder.Output, 0, length);
            var clock = Stopwatch.StartNew();
            while (true)
            {
                Assert.True(clock.Elapsed < Patience, $"no ack for {code}");
                Frame frame = Next();
                Assert.NotEqual(MessageType.Nak, frame.Type);
                if (frame.Type == MessageType.Ack)
                {
                    var ack = new AckMessage();
                    Assert.Equal(NakReason.None, ack.Read(frame.Payload, 0, frame.Payload.Length));
                    Assert.Equal(sequence, ack.AnsweredSequence);
                    Assert.Equal(MessageType.Command, ack.AnsweredType);
                    Assert.Equal(code, ack.Command);
                    return;
                }
            }
        }

        public CountersMessage Counters(Func<CountersMessage, bool> until)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                Assert.True(clock.Elapsed < Patience, "the counters never showed what was expected");
                Frame frame = Next();
                if (frame.Type == MessageType.Counters)
                {
                    var counters = new CountersMessage();
                    Assert.Equal(NakReason.None, counters.Read(frame.Payload, 0, frame.Payload.Length));
                    if (until(counters))
                    {
                        return counters;
                    }
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _run.Wait(TimeSpan.FromSeconds(5));
            _port.Dispose();
            Simulation.Dispose();
            _stop.Dispose();
        }
    }
}
