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
/// alignment); every input channel's error row and the layer's error pass rebuilt likewise; and every
/// kernel's (filter x channel) gradient in its dense, sparse and fused form, in the layer's channel-outer order.
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
                Managed.ConvForward(c.Layer, f, c.Input.Data, sparse, expected);
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
    public void InputErrorOfEveryChannelMatchesTheManagedPass(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(402);
        int laterChannels = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            int channels = c.Geometry.Channels;
            int plane = c.Plane;
            var inputError = new Tensor8(new sbyte[c.Inputs], c.Inputs);
            Array.Fill(c.Workspace.Accumulators, -777);
            Managed.ConvPropagateError(c.Layer, c.OutputError, inputError, c.Workspace);

            bool compound = c.Options.Mode == TrainingMode.TinTin;
            string label = $"case {n}: {c.Describe()}";
            var data = new sbyte[c.Inputs];
            var steps = new NativeStep[channels];
            int[] rowMax = new int[channels];
            int max = 0;
            for (int ch = 0; ch < channels; ch++)
            {
                int[] expected = cases.Int32s(plane);
                Managed.ConvInputError(c.Layer, ch, c.OutputError.Data, expected);
                int[] acc = cases.Int32s(plane + Guard); // garbage: the kernel clears its row, and nothing after it
                int[] tail = acc.AsSpan(plane).ToArray();
                native.ConvInputError(c.Geometry, ch, c.Layer.Weights, c.OutputError.Data, acc);
                Assert.True(expected.AsSpan().SequenceEqual(acc.AsSpan(0, plane)), label + $" channel {ch}: error sums differ");
                Assert.True(acc.AsSpan(plane).SequenceEqual(tail), label + $" channel {ch}: written past the row");

                rowMax[ch] = native.MaxAbs(acc, 0, plane);
                max = Math.Max(max, rowMax[ch]);
                steps[ch] = native.Choose(rowMax[ch], compound);
                native.Apply(acc, 0, data, ch * plane, plane, steps[ch]);
                laterChannels += ch > 0 ? 1 : 0;
            }

            NativeStep tensorStep = native.Choose(max, compound);
            int resultMax = tensorStep.ResultMaxAbs;
            for (int ch = 0; ch < channels; ch++)
            {
                if (rowMax[ch] != max && rowMax[ch] != 0)
                {
                    resultMax = Math.Max(resultMax, native.Align(data, ch * plane, plane, steps[ch], tensorStep));
                }
            }

            Assert.True(inputError.Data.AsSpan().SequenceEqual(data), label + ": int8 errors differ");
            Assert.True(Steps.Same(Requantizer.OutputScale(Scale.Product(c.OutputError.Scale, c.Layer.WeightScale), Steps.ToManaged(tensorStep)), inputError.Scale), label + ": scales differ");
            Assert.Equal(inputError.MaxAbs, resultMax);
        }

        Assert.True(laterChannels > CaseCount / 2, $"channels other than 0 compared: {laterChannels}");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void GradientOfEveryKernelMatchesTheManagedPassInEachForm(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(403);
        int kernels = 0;
        int offDiagonal = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            int kernelArea = c.Geometry.KernelHeight * c.Geometry.KernelWidth;
            int form = cases.Int(0, 2); // 0 dense, 1 sparse, 2 fused with the input error
            bool sparse = form > 0;

            // The layer's order: channels outside (each channel's error row complete before the next), filters inside.
            for (int ch = 0; ch < c.Geometry.Channels; ch++)
            {
                int[]? expectedError = form == 2 ? cases.Int32s(c.Plane) : null;
                int[]? actualError = expectedError != null ? expectedError.Concat(cases.Int32s(Guard)).ToArray() : null;
                for (int f = 0; f < c.Geometry.Filters; f++)
                {
                    int[] expected = cases.Int32s(kernelArea); // garbage: the kernels clear it
                    int[] actual = cases.Int32s(kernelArea + Guard);
                    int[] tail = actual.AsSpan(kernelArea).ToArray();
                    int[]? errorTail = actualError?.AsSpan(c.Plane).ToArray();
                    Managed.ConvComputeGradient(c.Layer, f, ch, c.Input.Data, c.OutputError.Data, expected, sparse, expectedError);
                    native.ConvGradient(c.Geometry, f, ch, c.Layer.Weights, c.Input.Data, c.OutputError.Data, actual, sparse, actualError);

                    string label = $"case {n} filter {f} channel {ch} form {form}: {c.Describe()}";
                    Assert.True(expected.AsSpan().SequenceEqual(actual.AsSpan(0, kernelArea)), label + ": gradients differ");
                    Assert.True(actual.AsSpan(kernelArea).SequenceEqual(tail), label + ": gradient written past the kernel");
                    if (expectedError != null)
                    {
                        Assert.True(expectedError.AsSpan().SequenceEqual(actualError.AsSpan(0, c.Plane)), label + ": input errors differ");
                        Assert.True(actualError.AsSpan(c.Plane).SequenceEqual(errorTail), label + ": input error written past the channel");
                    }

                    kernels++;
                    offDiagonal += f > 0 && ch > 0 ? 1 : 0;
                }
            }
        }

        Assert.True(kernels > CaseCount && offDiagonal > CaseCount / 4, $"kernels compared: {kernels}, {offDiagonal} with filter and channel > 0");
    }

    /// <summary>A managed convolution with random geometry, weights, biases and scales; its input, output error and workspace.</summary>
    private sealed record ConvCase(Convolution Layer, NativeGeometry Geometry, Tensor8 Input, Tensor8 OutputError, Workspace Workspace, TrainingOptions Options)
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
                // Sized as MemoryPlan sizes them for a convolution: one row (a filter's output, a channel's error), one kernel.
                int kernelArea = geometry.KernelHeight * geometry.KernelWidth;
                var workspace = new Workspace(Math.Max(height * width, spec.Output.Height * spec.Output.Width), kernelArea, options, new Xorshift32(cases.UInt()));
                return new ConvCase(layer, geometry, input, error, workspace, options);
            }
        }

        public string Describe() =>
            $"{LayerSpec.KindName(Layer.Spec.Kind)} {Geometry.Channels}x{Geometry.Height}x{Geometry.Width} -> {Geometry.Filters}x{Geometry.OutHeight}x{Geometry.OutWidth}, kernel {Geometry.KernelHeight}x{Geometry.KernelWidth}, stride {Geometry.StrideX}, padding {Geometry.PaddingX}";
    }
}
