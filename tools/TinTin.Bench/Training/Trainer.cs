// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Bench.Data;

namespace TinTin.Bench.Training;

/// <summary>
/// One model being trained in one mode: the benchmark loop calls these and nothing else, so all
/// three modes see the same samples in the same order and are measured the same way.
/// </summary>
public abstract class Trainer
{
    /// <summary>Gets the mode.</summary>
    public abstract BenchMode Mode { get; }

    /// <summary>Gets the planned training memory.</summary>
    public abstract MemoryFigures Memory { get; }

    /// <summary>Sets the epoch's learning rate (1-based epoch).</summary>
    /// <param name="epoch">The epoch about to start.</param>
    /// <returns>The rate, as text for the progress line.</returns>
    public abstract string BeginEpoch(int epoch);

    /// <summary>Trains on one sample.</summary>
    /// <param name="set">The split.</param>
    /// <param name="index">The sample.</param>
    /// <returns>The loss before the update in Q16 nats.</returns>
    public abstract int TrainStep(SampleSet set, int index);

    /// <summary>Applies any partial mini-batch (end of an epoch).</summary>
    public abstract void EndEpoch();

    /// <summary>Predicts one sample's class.</summary>
    /// <param name="set">The split.</param>
    /// <param name="index">The sample.</param>
    /// <returns>The predicted class.</returns>
    public abstract int Predict(SampleSet set, int index);

    /// <summary>The CRC-32 of the weights and biases in layer order (int8/int32 or float32 bits, little-endian).</summary>
    /// <returns>The checksum.</returns>
    public abstract uint WeightsCrc32();
}
