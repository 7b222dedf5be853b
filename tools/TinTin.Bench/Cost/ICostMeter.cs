// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.IlCost.Runtime;

namespace TinTin.Bench;

/// <summary>The interpreter cost of a run.</summary>
/// <param name="PerSample">Estimated nanoCLR instructions per training sample.</param>
/// <param name="Samples">How many training samples it was averaged over.</param>
/// <param name="Warmup">How many training samples ran before them, uncounted.</param>
/// <param name="Profile">Where the cost of those samples went, per method (exclusive), when asked for.</param>
/// <param name="PerInference">Estimated nanoCLR instructions per inference (a prediction of the same samples after training on them), or null when not measured.</param>
public sealed record CostMeasurement(double PerSample, int Samples, int Warmup, CostProfile? Profile = null, double? PerInference = null);

/// <summary>Measures the interpreter cost of training a model (see <c>InterpreterCostMeter</c>).</summary>
public interface ICostMeter
{
    /// <summary>Trains a fresh copy of the model on the first samples of <paramref name="order"/> and counts the cost.</summary>
    /// <param name="model">The model.</param>
    /// <param name="mode">The mode.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="train">The training split.</param>
    /// <param name="order">The sample order.</param>
    /// <returns>The cost.</returns>
    CostMeasurement Measure(BenchModel model, BenchMode mode, uint seed, SampleSet train, int[] order);
}
