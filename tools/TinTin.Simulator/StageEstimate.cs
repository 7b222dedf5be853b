// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core;

namespace TinTin.Simulator;

/// <summary>
/// The simulated board's time per firmware stage: the interpreter-cost counter's estimated instructions per window
/// (<see cref="FirmwareStages"/>) at one instruction per clock cycle of the board, as <c>tintin keepup</c> counts them.
/// An estimate (and an optimistic one: flash wait states and cache misses only add), never host wall time.
/// </summary>
/// <param name="Board">The board.</param>
/// <param name="Stages">The estimated instructions per window.</param>
public sealed record StageEstimate(BoardTarget Board, FirmwareStages Stages)
{
    /// <summary>Gets the µs of a training step as the firmware times it (features, then the step whose forward pass is the prediction).</summary>
    public long TrainStepUs => (Stages.Features + Stages.Training) / Board.ClockMhz;

    /// <summary>Gets the µs of an inference as the firmware times it (features, then the prediction).</summary>
    public long InferenceUs => (Stages.Features + Stages.Inference) / Board.ClockMhz;

    /// <summary>Gets the µs of draining a window's samples from the FIFO (outside the firmware's step timing).</summary>
    public long DrainUs => Stages.Drain / Board.ClockMhz;

    /// <summary>Gets the estimated energy of a training step: its time at the board's active power.</summary>
    public long TrainStepUj => Microjoules(TrainStepUs, Board.ActiveMicrowatts);

    /// <summary>Gets the estimated energy of an inference.</summary>
    public long InferenceUj => Microjoules(InferenceUs, Board.ActiveMicrowatts);

    /// <summary>Measures the stages with the interpreter-cost counter (a few seconds) for a board.</summary>
    /// <param name="board">The board.</param>
    /// <returns>The estimate.</returns>
    public static StageEstimate Measure(BoardTarget board) => new(board ?? throw new ArgumentNullException(nameof(board)), FirmwareStages.Measure());

    // As EstimatedEnergyMeter computes it.
    private static long Microjoules(long microseconds, long microwatts) =>
        (microseconds / 1000000) * microwatts + (microseconds % 1000000) * microwatts / 1000000;
}
