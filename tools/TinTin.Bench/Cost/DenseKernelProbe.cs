// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.IlCost.Runtime;
using TinTin.Random;
using TinTin.Training;

namespace TinTin.Bench.Cost;

/// <summary>
/// The code <see cref="DenseKernelCost"/> runs inside the instrumented context: one Dense layer's
/// forward on random int8 weights (stored eight to a long) and inputs, by each of the three loops of
/// <see cref="PackedDense"/>: two products per multiply from the packed input (what the layer runs when
/// the planner grants the packed input), eight weights per load (when it does not), and a weight at a
/// time (rows that do not start on a long). Drawing the data is not counted; the sums are compared.
/// </summary>
public static class DenseKernelProbe
{
    /// <summary>Counts the three loops over <paramref name="calls"/> inputs.</summary>
    /// <param name="inputs">The row length.</param>
    /// <param name="outputs">The rows.</param>
    /// <param name="zeroPercent">The share of inputs that are 0 (ReLU outputs, image backgrounds).</param>
    /// <param name="seed">The seed of the weights and inputs.</param>
    /// <param name="calls">How many inputs to run.</param>
    /// <returns>
    /// The interpreter cost of the calls: packed input (PackInput and Forward), eight per load, a weight at
    /// a time; -1 for the first two when the rows do not start on a long.
    /// </returns>
    /// <exception cref="InvalidOperationException">Two loops disagree.</exception>
    public static long[] Measure(int inputs, int outputs, int zeroPercent, uint seed, int calls)
    {
        var random = new Xorshift32(seed);
        sbyte[] weights = Draw(random, inputs * outputs, 0);
        long[] packed = new long[PackedDense.Longs(weights.Length)];
        PackedDense.Pack(weights, 0, packed, 0, weights.Length);
        bool aligned = PackedDense.Aligned(inputs);
        long[] packedInput = new long[PackedDense.PackedInputLength(inputs)];
        int[] reference = new int[outputs];
        int[] sums = new int[outputs];
        long[] cost = [aligned ? 0 : -1, aligned ? 0 : -1, 0];
        for (int c = 0; c < calls; c++)
        {
            sbyte[] x = Draw(random, inputs, zeroPercent);
            long before = CostCounter.Total;
            int max = PackedDense.ForwardAnyRow(packed, x, inputs, outputs, false, reference);
            cost[2] += CostCounter.Total - before;
            if (!aligned)
            {
                continue;
            }

            before = CostCounter.Total;
            int correction = PackedDense.PackInput(x, inputs, packedInput);
            int packedMax = PackedDense.Forward(packed, packedInput, inputs / PackedDense.WeightsPerLong, outputs, correction, false, sums);
            cost[0] += CostCounter.Total - before;
            Check(max == packedMax && reference.AsSpan().SequenceEqual(sums), "packed input", inputs, outputs, c);

            before = CostCounter.Total;
            int lanesMax = PackedDense.ForwardLanes(packed, x, inputs, outputs, false, sums);
            cost[1] += CostCounter.Total - before;
            Check(max == lanesMax && reference.AsSpan().SequenceEqual(sums), "eight per load", inputs, outputs, c);
        }

        return cost;
    }

    private static void Check(bool same, string loop, int inputs, int outputs, int call)
    {
        if (!same)
        {
            throw new InvalidOperationException($"the {loop} forward disagrees with the weight-at-a-time one ({inputs} x {outputs}, call {call})");
        }
    }

    private static sbyte[] Draw(Xorshift32 random, int count, int zeroPercent)
    {
        var values = new sbyte[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.NextInt(100) < zeroPercent ? (sbyte)0 : (sbyte)(random.NextInt(255) - 127);
        }

        return values;
    }
}
