// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using TinTin.Bench.Training;

namespace TinTin.Bench;

/// <summary>Everything one benchmark run measured: one row of docs/results.md, one JSON object.</summary>
public sealed class BenchResult
{
    /// <summary>Gets the task name (<c>mnist</c> or <c>cwru</c>).</summary>
    public required string Task { get; init; }

    /// <summary>Gets the model name.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the mode.</summary>
    public required BenchMode Mode { get; init; }

    /// <summary>Gets the kernels lib-tintin ran on (FP32 runs: always managed, the reference has no native engine).</summary>
    public BenchEngine Engine { get; init; } = BenchEngine.Managed;

    /// <summary>Gets the mini-batch the weights were updated after (1: every sample).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Gets the mode as the table shows it: the mode's name, and <c>niti b256</c> for NITI with mini-batches of 256.</summary>
    public string ModeLabel => Mode == BenchMode.NitiBatch ? $"niti b{BatchSize}" : Mode.Name();

    /// <summary>Gets the seed.</summary>
    public required uint Seed { get; init; }

    /// <summary>Gets the number of epochs trained.</summary>
    public required int Epochs { get; init; }

    /// <summary>Gets the training samples in the split.</summary>
    public required int TrainSamples { get; init; }

    /// <summary>Gets the test samples in the split.</summary>
    public required int TestSamples { get; init; }

    /// <summary>Gets the samples seen in training (epochs × training split).</summary>
    public required long SamplesSeen { get; init; }

    /// <summary>Gets the final test accuracy, a fraction.</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>Gets the test accuracy after each epoch.</summary>
    public required IReadOnlyList<double> EpochTestAccuracy { get; init; }

    /// <summary>Gets the mean training loss of each epoch, in nats.</summary>
    public required IReadOnlyList<double> EpochLoss { get; init; }

    /// <summary>Gets the planned training memory.</summary>
    public required MemoryFigures Memory { get; init; }

    /// <summary>Gets the multiply-accumulates per training sample.</summary>
    public required long MacsPerSample { get; init; }

    /// <summary>Gets the estimated interpreter instructions per training sample, or null when not measured.</summary>
    public required double? IlCostPerSample { get; init; }

    /// <summary>Gets the samples the interpreter cost was averaged over (0 when not measured).</summary>
    public required int IlCostSamples { get; init; }

    /// <summary>Gets the estimated interpreter instructions per inference (null when the cost was not measured).</summary>
    public double? IlCostPerInference { get; init; }

    /// <summary>Gets the training samples run before the cost was measured.</summary>
    public int IlCostWarmup { get; init; }

    /// <summary>Gets where the measured cost went, per method, when profiling was asked for.</summary>
    public TinTin.IlCost.Runtime.CostProfile? IlCostProfile { get; init; }

    /// <summary>Gets the host microseconds per training sample (noisy; compare within one run).</summary>
    public required double HostMicrosecondsPerSample { get; init; }

    /// <summary>Gets the bytes allocated per training step, measured over the whole run.</summary>
    public required double AllocatedBytesPerStep { get; init; }

    /// <summary>Gets the CRC-32 of the final weights and biases.</summary>
    public required uint WeightsCrc32 { get; init; }

    /// <summary>Gets the test confusion matrix: [true class][predicted class].</summary>
    public required int[][] Confusion { get; init; }

    /// <summary>Gets the class names.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Gets the learning setting of the last epoch, as text.</summary>
    public required string LastRate { get; init; }
}
