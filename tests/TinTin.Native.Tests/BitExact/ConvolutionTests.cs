// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Native.Tests.Support;
using TinTin.Numerics;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native.Tests.BitExact;

/// <summary>
/// The convolution kernels against real managed Conv2D and Conv1D layers (random geometry, padding
/// wider than the kernel included): every filter's forward row (both input loops) against the managed
/// kernel, and the layer's whole Forward rebuilt from the native rows (bias, per-row requantization,
/// alignment); every backward pass's error row (1 to all channels per pass, a shorter last pass) and the
/// layer's error pass rebuilt likewise; and every filter's gradient over every pass's channels (and over
/// a channel range anywhere) in its dense, sparse and fused form, in the layer's pass-outer order.
/// </summary>
public sealed class ConvolutionTests
{
    private const int CaseCount = 600;

    // Sentinels after each row: a kernel must not write past its row.
    private const int Guard = 8;

    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void ForwardMatchesTheManagedLayerWithBothInputLoops(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(401);
        int oneDimensional = 0;
        int withBias = 0;
        int aligned = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            int positions = c.Positions;
            int filters = c.Geometry.Filters;
            int count = filters * positions;
            var output = new Tensor8(new sbyte[count], count);
            c.Layer.Forward(c.Input, output, c.Workspace);

            Scale accScale = Scale.Product(c.Input.Scale, c.Layer.WeightScale);
            bool compound = c.Options.Mode == TrainingMode.TinTin;
            bool sparse = native.MostlyZeros(c.Input.Data, c.Inputs);
            string label = $"case {n}: {c.Describe()}";
            var data = new sbyte[count];
            var steps = new NativeStep[filters];
            int[] rowMax = new int[filters];
            int max = 0;
            for (int f = 0; f < filters; f++)
            {
                int[] expected = cases.Int32s(positions);
                Managed.ConvForward(c.Layer, f, c.Input.Data, sparse, 0, expected);
                int[][] acc = new int[2][];
                for (int variant = 0; variant < 2; variant++)
                {
                    acc[variant] = cases.Int32s(positions + Guard); // garbage: every element of the row is written, none after it
                    int[] tail = acc[variant].AsSpan(positions).ToArray();
                    native.ConvForward(c.Geometry, f, c.Layer.Weights, c.Input.Data, variant == 1, acc[variant]);
                    Assert.True(acc[variant].AsSpan(positions).SequenceEqual(tail), label + $" filter {f}: written past the row");
                }

                Assert.True(expected.AsSpan().SequenceEqual(acc[0].AsSpan(0, positions)), label + $" filter {f}: dense-loop sums differ");
                Assert.True(acc[0].AsSpan(0, positions).SequenceEqual(acc[1].AsSpan(0, positions)), label + $" filter {f}: sparse-loop sums differ");

                // Convolution.Forward's row: the filter's bias, the row's own step.
                int[] row = acc[sparse ? 1 : 0];
                if (c.Layer.Biases != null)
                {
                    native.AddBiases(row, positions, new[] { c.Layer.Biases[f] }, FixedMultiplier.Ratio(c.Layer.BiasScale, accScale));
                }

                rowMax[f] = native.MaxAbs(row, 0, positions);
                max = Math.Max(max, rowMax[f]);
                steps[f] = native.Choose(rowMax[f], compound);
                native.Apply(row, 0, data, f * positions, positions, steps[f]);
            }

            // Convolution.AlignRows.
            NativeStep tensorStep = native.Choose(max, compound);
            int resultMax = tensorStep.ResultMaxAbs;
            for (int f = 0; f < filters; f++)
            {
                if (rowMax[f] != max && rowMax[f] != 0)
                {
                    resultMax = Math.Max(resultMax, native.Align(data, f * positions, positions, steps[f], tensorStep));
                    aligned++;
                }
            }

            Assert.True(output.Data.AsSpan().SequenceEqual(data), label + ": int8 outputs differ");
            Assert.True(Steps.Same(Requantizer.OutputScale(accScale, Steps.ToManaged(tensorStep)), output.Scale), label + $": scale {output.Scale} vs step {tensorStep}");
            Assert.Equal(output.MaxAbs, resultMax);
            Assert.Equal(c.Layer.Stats.CompoundRescales, tensorStep.Up + tensorStep.Down > 0 ? 1 : 0);
            oneDimensional += c.Layer.Spec.Kind == LayerKind.Conv1D ? 1 : 0;
            withBias += c.Layer.Biases != null ? 1 : 0;
        }

        Assert.True(oneDimensional > 50 && CaseCount - oneDimensional > 50 && withBias > 50, $"Conv1D, Conv2D and biases must all be exercised ({oneDimensional} 1-D, {withBias} with bias)");
        Assert.True(aligned > CaseCount / 2, $"rows aligned: {aligned}");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void InputErrorOfEveryPassMatchesTheManagedPass(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(402);
        var coverage = new PassCoverage();
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            int channels = c.Geometry.Channels;
            int plane = c.Plane;
            int perPass = c.PerPass;
            var inputError = new Tensor8(new sbyte[c.Inputs], c.Inputs);
            Array.Fill(c.Workspace.Accumulators, -777);
            Managed.ConvPropagateError(c.Layer, c.OutputError, inputError, perPass, c.Workspace);

            bool compound = c.Options.Mode == TrainingMode.TinTin;
            string label = $"case {n}, {perPass} channels per pass: {c.Describe()}";
            var data = new sbyte[c.Inputs];
            int rows = (channels + perPass - 1) / perPass;
            var steps = new NativeStep[rows];
            int[] rowMax = new int[rows];
            int max = 0;
            for (int first = 0; first < channels; first += perPass)
            {
                int count = Math.Min(perPass, channels - first);
                int length = count * plane;
                int row = first / perPass;
                int[] expected = cases.Int32s(length);
                Managed.ConvInputError(c.Layer, first, count, c.OutputError.Data, expected);
                int[] acc = cases.Int32s(length + Guard); // garbage: the kernel clears its row, and nothing after it
                int[] tail = acc.AsSpan(length).ToArray();
                native.ConvInputError(c.Geometry, first, count, c.Layer.Weights, c.OutputError.Data, acc);
                Assert.True(expected.AsSpan().SequenceEqual(acc.AsSpan(0, length)), label + $" channels {first}+{count}: error sums differ");
                Assert.True(acc.AsSpan(length).SequenceEqual(tail), label + $" channels {first}+{count}: written past the row");

                rowMax[row] = native.MaxAbs(acc, 0, length);
                max = Math.Max(max, rowMax[row]);
                steps[row] = native.Choose(rowMax[row], compound);
                native.Apply(acc, 0, data, first * plane, length, steps[row]);
                coverage.Add(first, count, perPass, channels);
            }

            // Convolution.AlignRows over rows of perPass planes, the last one possibly shorter.
            NativeStep tensorStep = native.Choose(max, compound);
            int resultMax = tensorStep.ResultMaxAbs;
            for (int first = 0; first < channels; first += perPass)
            {
                int row = first / perPass;
                if (rowMax[row] != max && rowMax[row] != 0)
                {
                    int length = Math.Min(perPass, channels - first) * plane;
                    resultMax = Math.Max(resultMax, native.Align(data, first * plane, length, steps[row], tensorStep));
                }
            }

            Assert.True(inputError.Data.AsSpan().SequenceEqual(data), label + ": int8 errors differ");
            Assert.True(Steps.Same(Requantizer.OutputScale(Scale.Product(c.OutputError.Scale, c.Layer.WeightScale), Steps.ToManaged(tensorStep)), inputError.Scale), label + ": scales differ");
            Assert.Equal(inputError.MaxAbs, resultMax);
        }

        coverage.AssertBroad(CaseCount);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void GradientOfEveryPassMatchesTheManagedPassInEachForm(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(403);
        var coverage = new PassCoverage();
        int kernels = 0;
        int offDiagonal = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            int kernelArea = c.Geometry.KernelHeight * c.Geometry.KernelWidth;
            int channels = c.Geometry.Channels;
            int perPass = c.PerPass;
            int form = cases.Int(0, 2); // 0 dense, 1 sparse, 2 fused with the input error
            bool sparse = form > 0;

            // The layer's order: passes of channels outside (each pass's error row complete before the next), filters inside.
            for (int first = 0; first < channels; first += perPass)
            {
                int count = Math.Min(perPass, channels - first);
                int length = count * kernelArea;
                int errorLength = count * c.Plane;
                int[]? expectedError = form == 2 ? cases.Int32s(errorLength) : null;
                int[]? actualError = expectedError != null ? expectedError.Concat(cases.Int32s(Guard)).ToArray() : null;
                for (int f = 0; f < c.Geometry.Filters; f++)
                {
                    int[] expected = cases.Int32s(length); // garbage: the kernels clear it
                    int[] actual = cases.Int32s(length + Guard);
                    int[] tail = actual.AsSpan(length).ToArray();
                    int[]? errorTail = actualError?.AsSpan(errorLength).ToArray();
                    Managed.ConvComputeGradient(c.Layer, f, first, count, c.Input.Data, c.OutputError.Data, expected, sparse, expectedError);
                    native.ConvGradient(c.Geometry, f, first, count, c.Layer.Weights, c.Input.Data, c.OutputError.Data, actual, sparse, actualError);

                    string label = $"case {n} filter {f} channels {first}+{count} form {form}: {c.Describe()}";
                    Assert.True(expected.AsSpan().SequenceEqual(actual.AsSpan(0, length)), label + ": gradients differ");
                    Assert.True(actual.AsSpan(length).SequenceEqual(tail), label + ": gradient written past the pass's kernels");
                    if (expectedError != null)
                    {
                        Assert.True(expectedError.AsSpan().SequenceEqual(actualError.AsSpan(0, errorLength)), label + ": input errors differ");
                        Assert.True(actualError.AsSpan(errorLength).SequenceEqual(errorTail), label + ": input error written past the pass's planes");
                    }

                    kernels++;
                    offDiagonal += f > 0 && first > 0 ? 1 : 0;
                }

                coverage.Add(first, count, perPass, channels);
            }

            // And one channel range anywhere (not only on the pass grid): any first, any count that fits.
            int anyFirst = cases.Int(0, channels - 1);
            int anyCount = cases.Int(1, channels - anyFirst);
            int anyLength = anyCount * kernelArea;
            int filter = cases.Int(0, c.Geometry.Filters - 1);
            int[]? expectedAny = form == 2 ? cases.Int32s(anyCount * c.Plane) : null;
            int[]? actualAny = expectedAny?.ToArray();
            int[] expectedGradient = cases.Int32s(anyLength);
            int[] actualGradient = cases.Int32s(anyLength);
            Managed.ConvComputeGradient(c.Layer, filter, anyFirst, anyCount, c.Input.Data, c.OutputError.Data, expectedGradient, sparse, expectedAny);
            native.ConvGradient(c.Geometry, filter, anyFirst, anyCount, c.Layer.Weights, c.Input.Data, c.OutputError.Data, actualGradient, sparse, actualAny);
            Assert.True(expectedGradient.AsSpan().SequenceEqual(actualGradient), $"case {n} filter {filter} channels {anyFirst}+{anyCount} form {form}: gradients differ");
            Assert.True(expectedAny == null || expectedAny.AsSpan().SequenceEqual(actualAny), $"case {n} filter {filter} channels {anyFirst}+{anyCount}: input errors differ");
        }

        coverage.AssertBroad(CaseCount);
        Assert.True(kernels > CaseCount && offDiagonal > CaseCount / 8, $"filter passes compared: {kernels}, {offDiagonal} with filter and first channel > 0");
    }

    /// <summary>Which channel ranges the pass tests reached: later passes, several channels, all channels, a shorter last pass.</summary>
    private sealed class PassCoverage
    {
        private int _later;
        private int _several;
        private int _whole;
        private int _shorterLast;

        public void Add(int first, int count, int perPass, int channels)
        {
            _later += first > 0 ? 1 : 0;
            _several += count > 1 ? 1 : 0;
            _whole += count == channels && channels > 1 ? 1 : 0;
            _shorterLast += count < perPass ? 1 : 0;
        }

        public void AssertBroad(int caseCount) =>
            Assert.True(_later > caseCount / 4 && _several > caseCount / 4 && _whole > caseCount / 10 && _shorterLast > caseCount / 20,
                $"passes with first channel > 0: {_later}, with several channels: {_several}, all channels: {_whole}, a shorter last pass: {_shorterLast}");
    }

    /// <summary>A managed convolution with random geometry, weights, biases and scales; its input, output error and workspace.</summary>
    private sealed record ConvCase(Convolution Layer, NativeGeometry Geometry, Tensor8 Input, Tensor8 OutputError, Workspace Workspace, TrainingOptions Options, int PerPass)
    {
        public int Inputs => Geometry.Channels * Geometry.Height * Geometry.Width;

        public int Positions => Geometry.OutHeight * Geometry.OutWidth;

        public int Plane => Geometry.Height * Geometry.Width;

        public static ConvCase Random(Cases cases)
        {
            while (true)
            {
                bool square = cases.Chance(60);
                int channels = cases.Int(1, 4);
                int height = square ? cases.Int(1, 9) : 1;
                int width = cases.Int(1, square ? 9 : 24);
                int kernel = cases.Int(1, 5);
                int stride = cases.Int(1, 3);
                int padding = cases.Chance(30) ? 0 : cases.Int(0, 6);
                int filters = cases.Int(1, 4);
                bool bias = cases.Chance(60);
                LayerSpec spec;
                try
                {
                    var model = new ModelSpec(new Shape(channels, height, width));
                    spec = (square ? model.Conv2D(filters, kernel, stride, padding, bias) : model.Conv1D(filters, kernel, stride, padding, bias))[0];
                }
                catch (ArgumentException)
                {
                    continue; // the window does not fit the padded input
                }

                Convolution layer = new Convolution(spec, false);
                var geometry = new NativeGeometry
                {
                    Channels = channels,
                    Height = height,
                    Width = width,
                    Filters = filters,
                    KernelHeight = square ? kernel : 1,
                    KernelWidth = kernel,
                    StrideY = square ? stride : 1,
                    StrideX = stride,
                    PaddingY = square ? padding : 0,
                    PaddingX = padding,
                    OutHeight = spec.Output.Height,
                    OutWidth = spec.Output.Width,
                };
                cases.Int8s(layer.Weights.Length, zeroPercent: 5).CopyTo(layer.Weights, 0);
                layer.WeightScale = new Scale(cases.Int(-12, 0), cases.Int(0, 2), cases.Int(0, 2));
                if (layer.Biases != null)
                {
                    for (int i = 0; i < layer.Biases.Length; i++)
                    {
                        layer.Biases[i] = cases.Int32();
                    }

                    layer.BiasScale = new Scale(cases.Int(-34, 0), cases.Int(0, 2), cases.Int(0, 2));
                }

                var options = new TrainingOptions { Mode = cases.Chance(50) ? TrainingMode.TinTin : TrainingMode.Niti };
                int inputs = channels * height * width;
                int outputs = filters * spec.Output.Height * spec.Output.Width;
                var input = new Tensor8(cases.Int8s(inputs, zeroPercent: cases.Int(0, 80)), inputs) { Scale = new Scale(cases.Int(-10, 0), 0, cases.Int(0, 1)) };
                input.MaxAbs = Magnitude.MaxAbs(input.Data, 0, inputs);
                var error = new Tensor8(cases.Int8s(outputs, zeroPercent: cases.Int(0, 70)), outputs) { Scale = new Scale(cases.Int(-20, 0), cases.Int(0, 1), 0) };
                error.MaxAbs = Magnitude.MaxAbs(error.Data, 0, outputs);
                // Channels per backward pass from 1 to all (the last pass shorter when they do not divide the channels);
                // the workspace sized as MemoryPlan sizes it for that many: a row of perPass planes (at least a
                // filter's output), the gradient row one filter's kernels over a pass.
                int perPass = cases.Int(1, channels);
                int kernelArea = geometry.KernelHeight * geometry.KernelWidth;
                var workspace = new Workspace(Math.Max(perPass * height * width, spec.Output.Height * spec.Output.Width), perPass * kernelArea, options, new Xorshift32(cases.UInt()));
                return new ConvCase(layer, geometry, input, error, workspace, options, perPass);
            }
        }

        public string Describe() =>
            $"{LayerSpec.KindName(Layer.Spec.Kind)} {Geometry.Channels}x{Geometry.Height}x{Geometry.Width} -> {Geometry.Filters}x{Geometry.OutHeight}x{Geometry.OutWidth}, kernel {Geometry.KernelHeight}x{Geometry.KernelWidth}, stride {Geometry.StrideX}, padding {Geometry.PaddingX}";
    }
}
