// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Bench.Training;

/// <summary>A trainer's planned bytes, split as docs/results.md reports them.</summary>
/// <param name="Weights">Weights and biases.</param>
/// <param name="Activations">Layer outputs kept for backward.</param>
/// <param name="Gradients">Gradient accumulators (mini-batch only).</param>
/// <param name="Scratch">Accumulator rows and error buffers.</param>
public sealed record MemoryFigures(long Weights, long Activations, long Gradients, long Scratch)
{
    /// <summary>Gets the sum.</summary>
    public long Total => Weights + Activations + Gradients + Scratch;
}
