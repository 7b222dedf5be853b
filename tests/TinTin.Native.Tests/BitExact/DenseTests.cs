// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Native.Tests.Support;
using TinTin.Numerics;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native.Tests.BitExact;

/// <summary>
/// The Dense kernels against a real managed Dense layer: its Forward (accumulators, int8 output, scale,
/// compound-rescale counter) and its private backward loops (PropagateError, UpdateRows, AccumulateRows).
/// </summary>
public sealed class DenseTests
{
    private const int CaseCount = 1500;

    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void ForwardMatchesTheManagedLayerWithBothInputLoops(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(301);
        int sparseCases = 0;
        int compoundCases = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = DenseCase.Random(cases, batched: false);
            var output = new Tensor8(new sbyte[c.Outputs], c.Outputs);
            c.Layer.Forward(c.Input, output, c.Workspace);

            Scale accScale = Scale.Product(c.Input.Scale, c.Layer.WeightScale);
            bool hasBias = c.Layer.Biases != null;
            bool sparse = native.MostlyZeros(c.Input.Data, c.Inputs);
            Assert.Equal(Magnitude.MostlyZeros(c.Input.Data, c.Inputs), sparse);
            int[][] acc = new int[2][];
            int max = 0;
            for (int variant = 0; variant < 2; variant++)
            {
                acc[variant] = new int[c.Outputs];
                if (hasBias)
                {
                    native.ScaleBiases(c.Layer.Biases!, FixedMultiplier.Ratio(c.Layer.BiasScale, accScale), acc[variant]);
                }

                int m = native.DenseForward(c.Layer.CopyWeights(), c.Input.Data, c.Inputs, c.Outputs, hasBias, variant == 1, acc[variant]);
                max = variant == (sparse ? 1 : 0) ? m : max;
            }

            string label = $"case {n}: {c.Inputs} -> {c.Outputs}, bias {hasBias}, sparse {sparse}";
            Assert.True(c.Workspace.Accumulators.AsSpan(0, c.Outputs).SequenceEqual(acc[0]), label + ": dense-loop sums differ");
            Assert.True(acc[0].AsSpan().SequenceEqual(acc[1]), label + ": sparse-loop sums differ");
            Assert.Equal(Magnitude.MaxAbs(acc[0], 0, c.Outputs), max);

            var data = new sbyte[c.Outputs];
            int compound = native.Requantize(acc[sparse ? 1 : 0], c.Outputs, max, c.Options.Mode == TrainingMode.TinTin, data, out NativeStep step);
            Assert.True(output.Data.AsSpan().SequenceEqual(data), label + ": int8 outputs differ");
            Assert.True(Steps.Same(Requantizer.OutputScale(accScale, Steps.ToManaged(step)), output.Scale), label + $": scale {output.Scale} vs step {step}");
            Assert.Equal(output.MaxAbs, step.ResultMaxAbs);
            Assert.Equal(c.Layer.Stats.CompoundRescales, compound);
            sparseCases += sparse ? 1 : 0;
            compoundCases += compound;
        }

        Assert.True(sparseCases > 100 && CaseCount - sparseCases > 100 && compoundCases > 100, $"both loops and compound steps must be exercised (sparse {sparseCases}, compound {compoundCases})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void InputErrorMatchesTheManagedPass(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(302);
        for (int n = 0; n < CaseCount; n++)
        {
            var c = DenseCase.Random(cases, batched: false);
            Array.Fill(c.Workspace.Accumulators, 12345);
            Managed.DensePropagateError(c.Layer, c.OutputError, c.Workspace.Accumulators);

            int[] acc = cases.Int32s(c.Inputs); // garbage: the kernel clears it
            native.DenseInputError(c.Layer.CopyWeights(), c.OutputError.Data, c.Inputs, c.Outputs, acc);

            Assert.True(c.Workspace.Accumulators.AsSpan(0, c.Inputs).SequenceEqual(acc), $"case {n}: input errors differ");
        }
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void TinTinRowsMatchTheManagedLoop(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(303);
        long clamped = 0;
        int skipped = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = DenseCase.Random(cases, batched: false, TrainingMode.TinTin);
            bool propagate = cases.Chance(50);
            int[]? expectedError = propagate ? cases.Int32s(c.Inputs) : null;
            int[]? actualError = (int[]?)expectedError?.Clone();
            sbyte[] weights = c.Layer.CopyWeights();
            uint random = c.Workspace.Random.State;
            FixedMultiplier m = Managed.LimitShift(Managed.UpdateMultiplier(c.Layer, Scale.Product(c.OutputError.Scale, c.Input.Scale), c.Options, false), 30);

            int expectedClamped = Managed.DenseUpdateRows(c.Layer, c.Input, c.OutputError, expectedError, c.Workspace);
            int actualClamped = native.DenseRowsTinTin(weights, c.OutputError.Data, c.Input.Data, c.Inputs, c.Outputs, m.Mantissa, m.RightShift, ref random, actualError);

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
        }

        Assert.True(clamped > 100 && skipped > 10, $"clamps and all-zero updates must both occur (clamped {clamped}, mantissa 0 in {skipped} cases)");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void NitiRowsMatchTheManagedLoop(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(304);
        long clamped = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = DenseCase.Random(cases, batched: false, TrainingMode.Niti);
            bool propagate = cases.Chance(50);
            int[]? expectedError = propagate ? cases.Int32s(c.Inputs) : null;
            int[]? actualError = (int[]?)expectedError?.Clone();
            sbyte[] weights = c.Layer.CopyWeights();
            int shift = Managed.NitiShift(c.OutputError.MaxAbs * c.Input.MaxAbs, c.Options.MuBits);

            int expectedClamped = Managed.DenseUpdateRows(c.Layer, c.Input, c.OutputError, expectedError, c.Workspace);
            int actualClamped = native.DenseRowsNiti(weights, c.OutputError.Data, c.Input.Data, c.Inputs, c.Outputs, shift, actualError);

            string label = $"case {n}: shift {shift} propagate {propagate}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, managed {expectedClamped}");
            Assert.True(c.Layer.CopyWeights().AsSpan().SequenceEqual(weights), label + ": weights differ");
            if (propagate)
            {
                Assert.True(expectedError.AsSpan().SequenceEqual(actualError), label + ": input errors differ");
            }

            clamped += expectedClamped;
        }

        Assert.True(clamped > 100, $"the cases must clamp (clamped {clamped})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void MiniBatchAccumulationMatchesTheManagedLoop(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(305);
        long saturated = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = DenseCase.Random(cases, batched: true);
            int[] start = cases.Int32s(c.Layer.Accumulators!.Length);
            start.CopyTo(c.Layer.Accumulators, 0);
            int[] actual = (int[])start.Clone();
            int[] perRow = (int[])start.Clone();
            FixedMultiplier a = Managed.UpdateMultiplier(c.Layer, Scale.Product(c.OutputError.Scale, c.Input.Scale), c.Options, true);
            int shift = a.RightShift < -31 ? -31 : a.RightShift;

            Managed.DenseAccumulateRows(c.Layer, c.Input, c.OutputError, c.Workspace);
            int expectedSaturated = 0;
            for (int o = 0; o < c.Outputs; o++)
            {
                expectedSaturated += WeightUpdate.AccumulateRow(perRow, o * c.Inputs, c.OutputError.Data[o], c.Input.Data, c.Inputs, a.Mantissa, shift);
            }

            int actualSaturated = native.DenseAccumulateRows(actual, c.OutputError.Data, c.Input.Data, c.Inputs, c.Outputs, a.Mantissa, shift);

            string label = $"case {n}: mantissa {a.Mantissa} shift {shift}";
            Assert.True(c.Layer.Accumulators.AsSpan().SequenceEqual(actual), label + ": accumulators differ");
            Assert.True(perRow.AsSpan().SequenceEqual(actual), label + ": accumulators differ from the row kernel's");
            Assert.True(expectedSaturated == actualSaturated, label + $": saturated {actualSaturated}, managed rows {expectedSaturated}");
            saturated += expectedSaturated;
        }

        Assert.True(saturated > 100, $"the cases must saturate (saturated {saturated})");
    }

    /// <summary>A managed Dense layer with random weights, biases and scales, its input and output error, and a workspace.</summary>
    private sealed record DenseCase(Dense Layer, Tensor8 Input, Tensor8 OutputError, Workspace Workspace, TrainingOptions Options, int Inputs, int Outputs)
    {
        public static DenseCase Random(Cases cases, bool batched, TrainingMode? mode = null)
        {
            int inputs = cases.Int(1, 120);
            int outputs = cases.Int(1, 24);
            var spec = new ModelSpec(Shape.Vector(inputs)).Dense(outputs, cases.Chance(60))[0];
            var layer = new Dense(spec, batched);
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

            var options = new TrainingOptions
            {
                Mode = mode ?? (cases.Chance(50) ? TrainingMode.TinTin : TrainingMode.Niti),
                LearningRate = RandomScale(cases, -12, 0),
                MuBits = cases.Int(0, 8),
                BatchSize = batched ? 4 : 1,
            };
            var input = new Tensor8(cases.Int8s(inputs, zeroPercent: cases.Int(0, 80)), inputs) { Scale = RandomScale(cases, -10, 0) };
            input.MaxAbs = Magnitude.MaxAbs(input.Data, 0, inputs);
            var error = new Tensor8(cases.Int8s(outputs, zeroPercent: cases.Int(0, 60)), outputs) { Scale = RandomScale(cases, -24, 2) };
            error.MaxAbs = Magnitude.MaxAbs(error.Data, 0, outputs);
            var workspace = new Workspace(Math.Max(inputs, outputs), 0, options, new Xorshift32(cases.UInt()));
            return new DenseCase(layer, input, error, workspace, options, inputs, outputs);
        }

        public static Scale RandomScale(Cases cases, int minShift, int maxShift) =>
            new(cases.Int(minShift, maxShift), cases.Chance(50) ? 0 : cases.Int(0, 3), cases.Chance(50) ? 0 : cases.Int(0, 3));
    }
}
