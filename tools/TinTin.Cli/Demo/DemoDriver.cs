// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;

namespace TinTin.Cli.Demo;

/// <summary>
/// Teaches a board (real or simulated) over the link and then scores its detections, exactly as a user would with
/// <c>tintin send</c>: mode train, then label after label (the simulated bearing follows the label), then mode
/// detect with the label naming the condition the host knows is on the bearing, and the board's predictions are
/// compared with it. Everything it knows comes from the board's frames.
/// </summary>
public sealed class DemoDriver : IDisposable
{
    private const int DetectVisits = 5;
    private static readonly TimeSpan CommandPatience = TimeSpan.FromSeconds(10);
    private readonly LinkSession _session;
    private readonly DemoPlan _plan;
    private readonly BlockingCollection<Observed> _predictions = new(boundedCapacity: 4096);
    private readonly object _lock = new();
    private CountersSnapshot _counters = CountersSnapshot.None;
    private string _phase = "waiting for the board";

    /// <summary>Subscribes to the session (before it starts, so no prediction is missed).</summary>
    /// <param name="session">The link to the board.</param>
    /// <param name="plan">What to teach.</param>
    public DemoDriver(LinkSession session, DemoPlan plan)
    {
        _session = session;
        _plan = plan;
        session.Prediction += OnPrediction;
        session.Counters += OnCounters;
    }

    /// <summary>Gets or sets how long to wait for the board's next window before giving up.</summary>
    public TimeSpan WindowPatience { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Raised when the demo moves to another phase (teaching a condition, detecting one), with its description.</summary>
    public event Action<string>? PhaseChanged;

    /// <summary>Gets the phase the demo is in, for the view.</summary>
    public string Phase
    {
        get => _phase;
        private set
        {
            _phase = value;
            PhaseChanged?.Invoke(value);
        }
    }

    /// <summary>Raised after each round of teaching with its index and the fraction of its scored windows the board got right before training on them.</summary>
    public event Action<int, double>? RoundCompleted;

    /// <summary>Gets the board's counters so far.</summary>
    public CountersSnapshot Counters
    {
        get
        {
            lock (_lock)
            {
                return _counters;
            }
        }
    }

    /// <summary>Runs the plan: teaching until its rounds are done or <paramref name="teachUntil"/>, then detection until <paramref name="endAt"/>.</summary>
    /// <param name="teachUntil">When teaching must stop (wall clock), or null for the whole plan.</param>
    /// <param name="endAt">When detection must stop, or null for the whole plan.</param>
    /// <param name="cancel">Stops the demo (Ctrl+C).</param>
    /// <returns>What was taught and detected.</returns>
    /// <exception cref="DemoException">The board did not answer a command or sent no windows.</exception>
    public DemoOutcome Run(DateTime? teachUntil, DateTime? endAt, CancellationToken cancel)
    {
        var outcome = new DemoOutcome(_plan);
        var clock = Stopwatch.StartNew();
        Command(CommandCode.SetMode, (long)DeviceMode.Train);
        for (int round = 0; round < _plan.Rounds && !Past(teachUntil) && !cancel.IsCancellationRequested; round++)
        {
            for (int i = 0; i < _plan.Classes.Length && !cancel.IsCancellationRequested; i++)
            {
                int cwruClass = _plan.Classes[i];
                Phase = $"teaching {_plan.Names[i]} (round {round + 1} of {_plan.Rounds})";
                Command(CommandCode.SetLabel, cwruClass);

                // The board trains on every window; the first after a label change may hold samples of the previous
                // condition, so the demo does not score it.
                if (NextWithLabel(cwruClass, cancel).Label < 0)
                {
                    break;
                }

                for (int w = 0; w < _plan.WindowsPerTurn; w++)
                {
                    Observed p = NextWithLabel(cwruClass, cancel);
                    if (p.Label < 0)
                    {
                        break;
                    }

                    outcome.RecordTraining(round, p.Predicted == cwruClass);
                }
            }

            RoundCompleted?.Invoke(round, outcome.RoundAccuracy(round));
        }

        outcome.TeachingSeconds = clock.Elapsed.TotalSeconds;
        Command(CommandCode.SetMode, (long)DeviceMode.Detect);
        // Each visit to a condition is a new recording (the simulator reseeds it): scoring a few windows of several
        // visits judges the model on recordings, not on one lucky or unlucky one.
        int visits = Math.Min(DetectVisits, _plan.DetectWindowsPerClass);
        TimeSpan slot = endAt is null ? TimeSpan.MaxValue : (endAt.Value - DateTime.UtcNow) / (_plan.Classes.Length * visits);
        for (int visit = 0; visit < visits && !cancel.IsCancellationRequested; visit++)
        {
            for (int i = 0; i < _plan.Classes.Length && !cancel.IsCancellationRequested; i++)
            {
                int cwruClass = _plan.Classes[i];
                Phase = $"detecting {_plan.Names[i]} (visit {visit + 1} of {visits})";
                DateTime? slotEnd = endAt is null ? null : DateTime.UtcNow + slot;
                Command(CommandCode.SetLabel, cwruClass);

                // The first window after the change may hold samples of the previous condition: not scored.
                if (NextWithLabel(cwruClass, cancel).Label < 0)
                {
                    break;
                }

                int windows = (_plan.DetectWindowsPerClass * (visit + 1) / visits) - (_plan.DetectWindowsPerClass * visit / visits);
                for (int w = 0; w < windows && !Past(slotEnd); w++)
                {
                    Observed p = NextWithLabel(cwruClass, cancel);
                    if (p.Label < 0)
                    {
                        break;
                    }

                    outcome.RecordDetection(cwruClass, p.Predicted, p.Novel);
                }
            }
        }

        Phase = "done";
        Command(CommandCode.SetMode, (long)DeviceMode.Idle);
        outcome.Counters = Counters;
        return outcome;
    }

    /// <summary>Stops listening to the session.</summary>
    public void Dispose()
    {
        _session.Prediction -= OnPrediction;
        _session.Counters -= OnCounters;
        _predictions.Dispose();
    }

    private static bool Past(DateTime? deadline) => deadline is not null && DateTime.UtcNow >= deadline.Value;

    private void Command(CommandCode code, long argument)
    {
        CommandResult result = _session.Send(new CommandMessage { Code = code, Argument = argument }, CommandPatience);
        if (result.Outcome != CommandOutcome.Acked)
        {
            throw new DemoException($"the board did not accept {code} {argument}: {result.Outcome}" +
                (result.Reason == NakReason.None ? string.Empty : $" ({result.Reason})") + (result.Text is null ? string.Empty : $" {result.Text}"));
        }
    }

    // The next prediction made under the given label (older ones belong to the previous turn); Label -1 when cancelled.
    private Observed NextWithLabel(int label, CancellationToken cancel)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            TimeSpan left = WindowPatience - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new DemoException($"no window from the board for {WindowPatience.TotalSeconds:0} s (phase: {Phase})");
            }

            try
            {
                if (_predictions.TryTake(out Observed p, (int)Math.Min(left.TotalMilliseconds, 250), cancel) && p.Label == label)
                {
                    return p;
                }
            }
            catch (OperationCanceledException)
            {
                return new Observed(-1, -1, false);
            }
        }
    }

    private void OnPrediction(FrameInfo info, PredictionMessage message)
    {
        // The session reuses its message objects: copy what the demo needs. A full queue means nobody is
        // consuming (the demo ended): drop rather than stall the reader thread.
        try
        {
            _predictions.TryAdd(new Observed(message.Label, message.PredictedClass, message.IsNovel));
        }
        catch (ObjectDisposedException)
        {
            // A frame that raced the demo's end.
        }
    }

    private void OnCounters(FrameInfo info, CountersMessage message)
    {
        lock (_lock)
        {
            _counters = _counters.Update(message);
        }
    }

    private readonly record struct Observed(int Label, int Predicted, bool Novel);
}
