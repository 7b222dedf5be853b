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
/// The convolution kernels against real managed Conv2D and Conv1D layers (random geometry, padding
/// wider than the kernel included): Forward with biases, the error pass, and every filter's gradient
/// in its dense, sparse and fused form.
/// </summary>
public sealed class ConvolutionTests
{
    private const int CaseCount = 600;

    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void ForwardMatchesTheManagedLayerWithBothInputLoops(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(401);
        int oneDimensional = 0;
        int withBias = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            int count = c.Geometry.Filters * c.Positions;
            var output = new Tensor8(new sbyte[count], count);
            c.Layer.Forward(c.Input, output, c.Workspace);

            Scale accScale = Scale.Product(c.Input.Scale, c.Layer.WeightScale);
            bool sparse = native.MostlyZeros(c.Input.Data, c.Inputs);
            int[][] acc = new int[2][];
            for (int variant = 0; variant < 2; variant++)
            {
                acc[variant] = cases.Int32s(count); // garbage: every element is written
                native.ConvForward(c.Geometry, c.Layer.Weights, c.Input.Data, variant == 1, acc[variant]);
                if (c.Layer.Biases != null)
                {
                    native.AddBiases(acc[variant], c.Positions, c.Layer.Biases, FixedMultiplier.Ratio(c.Layer.BiasScale, accScale));
                }
            }

            string label = $"case {n}: {c.Describe()}";
            Assert.True(c.Workspace.Accumulators.AsSpan(0, count).SequenceEqual(acc[0]), label + ": dense-loop sums differ");
            Assert.True(acc[0].AsSpan().SequenceEqual(acc[1]), label + ": sparse-loop sums differ");

            var data = new sbyte[count];
            int compound = native.Requantize(acc[sparse ? 1 : 0], count, -1, c.Options.Mode == TrainingMode.TinTin, data, out NativeStep step);
            Assert.True(output.Data.AsSpan().SequenceEqual(data), label + ": int8 outputs differ");
            Assert.True(Steps.Same(Requantizer.OutputScale(accScale, Steps.ToManaged(step)), output.Scale), label + $": scale {output.Scale} vs step {step}");
            Assert.Equal(c.Layer.Stats.CompoundRescales, compound);
            oneDimensional += c.Layer.Spec.Kind == LayerKind.Conv1D ? 1 : 0;
            withBias += c.Layer.Biases != null ? 1 : 0;
        }

        Assert.True(oneDimensional > 50 && CaseCount - oneDimensional > 50 && withBias > 50, $"Conv1D, Conv2D and biases must all be exercised ({oneDimensional} 1-D, {withBias} with bias)");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void InputErrorMatchesTheManagedPass(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(402);
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            var inputError = new Tensor8(new sbyte[c.Inputs], c.Inputs);
            Array.Fill(c.Workspace.Accumulators, -777);
            Managed.ConvPropagateError(c.Layer, c.OutputError, inputError, c.Workspace);

            int[] acc = cases.Int32s(c.Inputs);
            native.ConvInputError(c.Geometry, c.Layer.Weights, c.OutputError.Data, acc);
            var data = new sbyte[c.Inputs];
            native.Requantize(acc, c.Inputs, -1, c.Options.Mode == TrainingMode.TinTin, data, out NativeStep step);

            string label = $"case {n}: {c.Describe()}";
            Assert.True(c.Workspace.Accumulators.AsSpan(0, c.Inputs).SequenceEqual(acc), label + ": error sums differ");
            Assert.True(inputError.Data.AsSpan().SequenceEqual(data), label + ": int8 errors differ");
            Assert.True(Steps.Same(Requantizer.OutputScale(Scale.Product(c.OutputError.Scale, c.Layer.WeightScale), Steps.ToManaged(step)), inputError.Scale), label + ": scales differ");
        }
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void GradientOfEveryFilterMatchesTheManagedPassInEachForm(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(403);
        int filters = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = ConvCase.Random(cases);
            int filterSize = c.Geometry.Channels * c.Geometry.KernelHeight * c.Geometry.KernelWidth;
            int form = cases.Int(0, 2); // 0 dense, 1 sparse, 2 fused with the input error
            bool sparse = form > 0;
            int[]? expectedError = form == 2 ? cases.Int32s(c.Inputs) : null;
            int[]? actualError = (int[]?)expectedError?.Clone();
            for (int f = 0; f < c.Geometry.Filters; f++)
            {
                int[] expected = cases.Int32s(filterSize); // garbage: the kernels clear it
                int[] actual = cases.Int32s(filterSize);
                Managed.ConvComputeGradient(c.Layer, f, c.Input.Data, c.OutputError.Data, expected, sparse, expectedError);
                native.ConvGradient(c.Geometry, f, c.Layer.Weights, c.Input.Data, c.OutputError.Data, actual, sparse, actualError);

                string label = $"case {n} filter {f} form {form}: {c.Describe()}";
                Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": gradients differ");
                if (expectedError != null)
                {
                    Assert.True(expectedError.AsSpan().SequenceEqual(actualError), label + ": input errors differ");
                }

                filters++;
            }
        }

        Assert.True(filters > CaseCount, $"filters compared: {filters}");
    }

    /// <summary>A managed convolution with random geometry, weights, biases and scales; its input, output error and workspace.</summary>
    private sealed record ConvCase(Convolution Layer, NativeGeometry Geometry, Tensor8 Input, Tensor8 OutputError, Workspace Workspace, TrainingOptions Options)
    {
        public int Inputs => Geometry.Channels * Geometry.Height * Geometry.Width;

        public int Positions => Geometry.OutHeight * Geometry.OutWidth;

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
                var workspace = new Workspace(Math.Max(inputs, outputs), channels * kernel * kernel, options, new Xorshift32(cases.UInt()));
                return new ConvCase(layer, geometry, input, error, workspace, options);
            }
        }

        public string Describe() =>
            $"{LayerSpec.KindName(Layer.Spec.Kind)} {Geometry.Channels}x{Geometry.Height}x{Geometry.Width} -> {Geometry.Filters}x{Geometry.OutHeight}x{Geometry.OutWidth}, kernel {Geometry.KernelHeight}x{Geometry.KernelWidth}, stride {Geometry.StrideX}, padding {Geometry.PaddingX}";
    }
}
