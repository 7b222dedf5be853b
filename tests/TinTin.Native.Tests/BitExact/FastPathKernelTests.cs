// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using System.Reflection;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Native.Tests.Support;
using TinTin.Numerics;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native.Tests.BitExact;

/// <summary>
/// The kernels that make the native step fast on an MCU, against the managed engine: the list of
/// nonzero inputs, the Dense forward pass and Tin-Tin update rows over that list (a real Dense layer's
/// Forward and private UpdateRows; the update's pairing of rows, outside the contract too, against the
/// one-row C kernel that is itself compared with the managed loop), and the table-driven weight
/// rescale (WeightedLayer's private RescaleWeights, by reflection).
/// </summary>
public sealed class FastPathKernelTests
{
    private const int CaseCount = 1500;

    private static readonly MethodInfo s_rescaleWeights =
        typeof(WeightedLayer).GetMethod("RescaleWeights", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, binder: null, new[] { typeof(int), typeof(int), typeof(int), typeof(sbyte[]) }, modifiers: null)
        ?? throw new MissingMethodException(nameof(WeightedLayer), "RescaleWeights");

    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void NonzeroInputsListEveryNonzeroInputInOrderWithItsValue(string flavour)
    {
        var native = FastPathKernels.For(flavour);
        var cases = new Cases(501);
        for (int n = 0; n < CaseCount; n++)
        {
            int count = cases.Int(0, 300);
            sbyte[] x = cases.Int8s(count, zeroPercent: cases.Int(0, 100));
            int[] list = Enumerable.Repeat(-777, 2 * count + 4).ToArray();
            int nonzero = native.NonzeroInputs(x, count, list);
            int[] expected = Enumerable.Range(0, count).Where(i => x[i] != 0).SelectMany(i => new[] { i, (int)x[i] }).ToArray();
            Assert.Equal(expected.Length / 2, nonzero);
            Assert.True(expected.AsSpan().SequenceEqual(list.AsSpan(0, 2 * nonzero)), $"case {n}: list differs");
            Assert.Equal(-1, list[2 * nonzero]); // the end mark
            Assert.Equal(0, list[2 * nonzero + 1]);
            Assert.Equal(-777, list[2 * nonzero + 2]); // nothing written past it
        }

        Assert.Equal(-1, native.NonzeroInputs(new sbyte[1], -1, new int[2]));
        int[] empty = { 5, 5, -777 };
        Assert.Equal(0, native.NonzeroInputs(new sbyte[1], 0, empty));
        Assert.Equal(new[] { -1, 0, -777 }, empty);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void DenseForwardOverTheListMatchesTheManagedLayer(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var fast = FastPathKernels.For(flavour);
        var cases = new Cases(502);
        int oddOutputs = 0;
        int empty = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = DenseCase.Random(cases, TrainingMode.TinTin);
            var output = new Tensor8(new sbyte[c.Outputs], c.Outputs);
            c.Layer.Forward(c.Input, output, c.Workspace);

            Scale accScale = Scale.Product(c.Input.Scale, c.Layer.WeightScale);
            bool hasBias = c.Layer.Biases != null;
            int[] acc = cases.Int32s(c.Outputs);
            if (hasBias)
            {
                native.ScaleBiases(c.Layer.Biases!, FixedMultiplier.Ratio(c.Layer.BiasScale, accScale), acc);
            }

            var list = new int[2 * c.Inputs + 2];
            int nonzero = fast.NonzeroInputs(c.Input.Data, c.Inputs, list);
            int max = fast.DenseForwardNonzero(c.Layer.CopyWeights(), list, nonzero, c.Inputs, c.Outputs, hasBias, acc);

            string label = $"case {n}: {c.Inputs} -> {c.Outputs}, bias {hasBias}, {nonzero} nonzero";
            Assert.True(c.Workspace.Accumulators.AsSpan(0, c.Outputs).SequenceEqual(acc), label + ": sums differ");
            Assert.True(Magnitude.MaxAbs(acc, 0, c.Outputs) == max, label + $": max {max}");
            oddOutputs += c.Outputs % 2;
            empty += nonzero == 0 ? 1 : 0;
        }

        Assert.True(oddOutputs > 100 && CaseCount - oddOutputs > 100 && empty > 5, $"odd and even row counts and all-zero inputs must be exercised ({oddOutputs} odd, {empty} empty)");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void TinTinRowsOverTheListMatchTheManagedLoop(string flavour)
    {
        var fast = FastPathKernels.For(flavour);
        var cases = new Cases(503);
        long clamped = 0;
        int skipped = 0;
        int propagated = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = DenseCase.Random(cases, TrainingMode.TinTin);
            bool propagate = cases.Chance(50);
            int[]? expectedError = propagate ? cases.Int32s(c.Inputs) : null;
            int[]? actualError = (int[]?)expectedError?.Clone();
            sbyte[] weights = c.Layer.CopyWeights();
            uint random = c.Workspace.Random.State;
            FixedMultiplier m = Managed.LimitShift(Managed.UpdateMultiplier(c.Layer, Scale.Product(c.OutputError.Scale, c.Input.Scale), c.Options, false), 30);
            var list = new int[2 * c.Inputs + 2];
            int nonzero = fast.NonzeroInputs(c.Input.Data, c.Inputs, list);

            int expectedClamped = Managed.DenseUpdateRows(c.Layer, c.Input, c.OutputError, expectedError, c.Workspace);
            int actualClamped = fast.DenseRowsTinTinNonzero(weights, c.OutputError.Data, list, nonzero, c.Inputs, c.Outputs, m.Mantissa, m.RightShift, ref random, actualError);

            string label = $"case {n}: mantissa {m.Mantissa} shift {m.RightShift} propagate {propagate}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, managed {expectedClamped}");
            Assert.True(c.Layer.CopyWeights().AsSpan().SequenceEqual(weights), label + ": weights differ");
            Assert.True(c.Workspace.Random.State == random, label + ": random state differs");
            if (propagate)
            {
                Assert.True(expectedError.AsSpan().SequenceEqual(actualError), label + ": input errors differ");
            }

            clamped += expectedClamped;
            skipped += m.Mantissa == 0 ? 1 : 0;
            propagated += propagate ? 1 : 0;
        }

        Assert.True(clamped > 100 && skipped > 10 && propagated > 100, $"clamps, all-zero updates and propagation must occur (clamped {clamped}, mantissa 0 in {skipped} cases, {propagated} propagating)");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void TinTinRowsOverTheListMatchTheOneRowKernelForAnyMultiplierAndShift(string flavour)
    {
        // Outside the managed contract (a mantissa whose product with the error wraps to 0, shifts
        // beyond 0..30): the paired rows must still give exactly what the one-row kernels give.
        var native = NativeKernels.For(flavour);
        var fast = FastPathKernels.For(flavour);
        var cases = new Cases(505);
        int wrapped = 0;
        int oddRows = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            int inputs = cases.Int(1, 60);
            int outputs = cases.Int(1, 12);
            sbyte[] weights = cases.Int8s(inputs * outputs, zeroPercent: 5);
            sbyte[] x = cases.Int8s(inputs, zeroPercent: cases.Int(0, 90));
            sbyte[] errors = cases.Int8s(outputs, zeroPercent: cases.Int(0, 60));
            int mantissa = cases.Chance(20) ? (cases.Chance(50) ? 1 << 25 : 1 << 26) : cases.Mantissa(outsidePercent: 20);
            int shift = cases.Chance(20) ? cases.Int(-3, 40) : cases.Int(0, 30);
            bool propagate = cases.Chance(50);
            int[]? expectedError = propagate ? cases.Int32s(inputs) : null;
            int[]? actualError = (int[]?)expectedError?.Clone();
            sbyte[] expected = (sbyte[])weights.Clone();
            uint start = cases.UInt();
            uint expectedRandom = start;
            uint actualRandom = start;
            var list = new int[2 * inputs + 2];
            int nonzero = fast.NonzeroInputs(x, inputs, list);

            int expectedClamped = native.DenseRowsTinTin(expected, errors, x, inputs, outputs, mantissa, shift, ref expectedRandom, expectedError);
            int actualClamped = fast.DenseRowsTinTinNonzero(weights, errors, list, nonzero, inputs, outputs, mantissa, shift, ref actualRandom, actualError);

            string label = $"case {n}: {inputs} x {outputs}, mantissa {mantissa} shift {shift} propagate {propagate}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, one-row kernel {expectedClamped}");
            Assert.True(expected.AsSpan().SequenceEqual(weights), label + ": weights differ");
            Assert.True(expectedRandom == actualRandom, label + ": random state differs");
            if (propagate)
            {
                Assert.True(expectedError.AsSpan().SequenceEqual(actualError), label + ": input errors differ");
            }

            wrapped += errors.Any(e => e != 0 && unchecked(e * mantissa) == 0) ? 1 : 0;
            oddRows += errors.Count(e => e != 0) % 2;
        }

        Assert.True(wrapped > 20 && oddRows > 100 && CaseCount - oddRows > 100, $"wrapped products and odd and even row counts must occur ({wrapped} wrapped, {oddRows} odd)");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void RescaleWeightsMatchesTheManagedRescale(string flavour)
    {
        var fast = FastPathKernels.For(flavour);
        var cases = new Cases(504);
        int tables = 0;
        int leftShifts = 0;
        int clampedCases = 0;
        for (int n = 0; n < 600; n++)
        {
            // Small layers take the direct loop, from 512 weights on the table (and 4 at a time plus a tail).
            int inputs = cases.Chance(50) ? cases.Int(1, 40) : cases.Int(60, 300);
            int outputs = cases.Int(1, 9);
            var layer = new Dense(new ModelSpec(Shape.Vector(inputs)).Dense(outputs, false)[0], false);
            layer.SetWeights(cases.Int8s(layer.WeightCount, zeroPercent: 5));
            int up = cases.Int(0, 3);
            int down = cases.Int(0, 3);
            int shift = cases.Chance(10) ? cases.Int(-45, 45) : cases.Int(-4, 6);
            sbyte[] before = layer.CopyWeights();
            sbyte[] actual = layer.CopyWeights();

            s_rescaleWeights.Invoke(layer, new object[] { up, down, shift, new sbyte[Workspace.StagingLength] });
            fast.RescaleWeights(actual, actual.Length, up, down, shift);

            string label = $"case {n}: {actual.Length} weights, up {up} down {down} shift {shift}";
            Assert.True(layer.CopyWeights().AsSpan().SequenceEqual(actual), label + ": weights differ");
            tables += actual.Length >= 512 ? 1 : 0;
            leftShifts += shift + up + 2 * down < 0 ? 1 : 0;
            clampedCases += actual.Where((w, i) => Math.Abs((int)w) == 127 && Math.Abs((int)before[i]) != 127).Any() ? 1 : 0;
        }

        Assert.True(tables > 100 && 600 - tables > 100 && leftShifts > 10 && clampedCases > 20, $"both loops, left shifts and clamps must occur ({tables} table, {leftShifts} left, {clampedCases} clamped)");
    }

    /// <summary>A managed Dense layer with random weights, biases and scales (as DenseTests builds them), its input and output error.</summary>
    private sealed record DenseCase(Dense Layer, Tensor8 Input, Tensor8 OutputError, Workspace Workspace, TrainingOptions Options, int Inputs, int Outputs)
    {
        public static DenseCase Random(Cases cases, TrainingMode mode)
        {
            int inputs = cases.Int(1, 120);
            int outputs = cases.Int(1, 24);
            var spec = new ModelSpec(Shape.Vector(inputs)).Dense(outputs, cases.Chance(60))[0];
            var layer = new Dense(spec, false);
            layer.SetWeights(cases.Int8s(layer.WeightCount, zeroPercent: 5));
            layer.WeightScale = RandomScale(cases, -12, 0);
            if (layer.Biases != null)
            {
                for (int i = 0; i < layer.Biases.Length; i++)
                {
                    layer.Biases[i] = cases.Int32();
                }

                layer.BiasScale = RandomScale(cases, -34, 0);
            }

            var options = new TrainingOptions { Mode = mode, LearningRate = RandomScale(cases, -12, 0), MuBits = cases.Int(0, 8), BatchSize = 1 };
            var input = new Tensor8(cases.Int8s(inputs, zeroPercent: cases.Chance(5) ? 100 : cases.Int(0, 90)), inputs) { Scale = RandomScale(cases, -10, 0) };
            input.MaxAbs = Magnitude.MaxAbs(input.Data, 0, inputs);
            var error = new Tensor8(cases.Int8s(outputs, zeroPercent: cases.Int(0, 60)), outputs) { Scale = RandomScale(cases, -24, 2) };
            error.MaxAbs = Magnitude.MaxAbs(error.Data, 0, outputs);
            var workspace = new Workspace(Math.Max(inputs, outputs), 0, options, new Xorshift32(cases.UInt()));
            return new DenseCase(layer, input, error, workspace, options, inputs, outputs);
        }

        private static Scale RandomScale(Cases cases, int minShift, int maxShift) =>
            new(cases.Int(minShift, maxShift), cases.Chance(50) ? 0 : cases.Int(0, 3), cases.Chance(50) ? 0 : cases.Int(0, 3));
    }
}
