// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.IlCost.Runtime;
using TinTin.Numerics;
using TinTin.Random;
using TinTin.Training;

namespace TinTin.Bench.Cost;

/// <summary>
/// The code <see cref="DenseKernelCost"/> runs inside the instrumented context: one Dense layer's
/// forward on random int8 weights and inputs, as the layer runs it today (<see cref="ManagedKernels.DenseForward"/>
/// after <see cref="Magnitude.MostlyZeros"/> picks its loop) and from weights packed eight to a long
/// (<see cref="PackedDense.PackInput"/> and <see cref="PackedDense.Forward"/>). Drawing the data and
/// packing the weights are not counted; the two results are compared bit for bit.
/// </summary>
public static class DenseKernelProbe
{
    /// <summary>Counts both forwards over <paramref name="calls"/> inputs.</summary>
    /// <param name="inputs">The row length.</param>
    /// <param name="outputs">The rows.</param>
    /// <param name="zeroPercent">The share of inputs that are 0 (ReLU outputs, image backgrounds).</param>
    /// <param name="seed">The seed of the weights and inputs.</param>
    /// <param name="calls">How many inputs to run.</param>
    /// <returns>The interpreter cost of the calls: today's forward, then the packed one.</returns>
    /// <exception cref="InvalidOperationException">The two forwards disagree.</exception>
    public static long[] Measure(int inputs, int outputs, int zeroPercent, uint seed, int calls)
    {
        var random = new Xorshift32(seed);
        sbyte[] weights = Draw(random, inputs * outputs, 0);
        int rowLongs = PackedDense.RowLongs(inputs);
        long[] packed = new long[rowLongs * outputs];
        PackedDense.PackWeights(weights, inputs, outputs, packed);
        long[] packedInput = new long[rowLongs * PackedDense.InputLongsPerLong];
        var kernels = new ManagedKernels();
        int[] today = new int[outputs];
        int[] packedSums = new int[outputs];
        long todayCost = 0;
        long packedCost = 0;
        for (int c = 0; c < calls; c++)
        {
            sbyte[] x = Draw(random, inputs, zeroPercent);
            long before = CostCounter.Total;
            int todayMax = kernels.DenseForward(weights, x, inputs, outputs, false, Magnitude.MostlyZeros(x, inputs), today);
            todayCost += CostCounter.Total - before;

            before = CostCounter.Total;
            int correction = PackedDense.PackInput(x, inputs, packedInput);
            int packedMax = PackedDense.Forward(packed, packedInput, rowLongs, outputs, correction, false, packedSums);
            packedCost += CostCounter.Total - before;

            if (todayMax != packedMax || !today.AsSpan().SequenceEqual(packedSums))
            {
                throw new InvalidOperationException($"packed forward disagrees with DenseForward ({inputs} x {outputs}, call {c})");
            }
        }

        return [todayCost, packedCost];
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
