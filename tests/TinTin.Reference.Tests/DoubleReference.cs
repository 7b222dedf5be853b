// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Tests;

/// <summary>
/// A straightforward double-precision forward pass of a <see cref="ModelSpec"/>, written
/// independently of the code under test: every output element is computed from direct index
/// formulas (<c>w[((f*C + c)*KH + ky)*KW + kx]</c>, <c>x[(c*H + iy)*W + ix]</c>) with an explicit
/// bounds test for the padding, in a different loop order from the device code.
/// </summary>
internal sealed class DoubleReference
{
    private readonly ModelSpec _spec;

    /// <summary>Copies the parameters of <paramref name="source"/> (widened to double).</summary>
    public DoubleReference(Fp32Network source)
    {
        _spec = source.Spec;
        Weights = new double[_spec.Count][];
        Biases = new double[_spec.Count][];
        for (int l = 0; l < _spec.Count; l++)
        {
            Weights[l] = Widen(source.GetWeights(l));
            Biases[l] = Widen(source.GetBiases(l));
        }
    }

    /// <summary>The number of input values.</summary>
    public int InputSize => _spec.Input.Size;

    /// <summary>Per layer, the weights (null for none).</summary>
    public double[]?[] Weights { get; }

    /// <summary>Per layer, the biases (null for none).</summary>
    public double[]?[] Biases { get; }

    public static double[]? Widen(float[]? values)
    {
        if (values is null)
        {
            return null;
        }

        var wide = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            wide[i] = values[i];
        }

        return wide;
    }

    /// <summary>The logits.</summary>
    public double[] Forward(double[] input) => Forward(input, _spec.Count);

    /// <summary>The output of the first <paramref name="layers"/> layers.</summary>
    public double[] Forward(double[] input, int layers)
    {
        double[] x = (double[])input.Clone();
        for (int l = 0; l < layers; l++)
        {
            x = Apply(_spec[l], Weights[l], Biases[l], x);
        }

        return x;
    }

    /// <summary>Softmax cross-entropy in nats: log-sum-exp of the logits minus the label's logit.</summary>
    public double Loss(double[] input, int label) => CrossEntropy(Forward(input), label);

    public static double CrossEntropy(double[] z, int label)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (double v in z)
        {
            sum += Math.Exp(v - max);
        }

        return Math.Log(sum) + max - z[label];
    }

    public static double[] Softmax(double[] z)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }

        var p = new double[z.Length];
        double sum = 0;
        for (int k = 0; k < z.Length; k++)
        {
            p[k] = Math.Exp(z[k] - max);
            sum += p[k];
        }

        for (int k = 0; k < z.Length; k++)
        {
            p[k] /= sum;
        }

        return p;
    }

    /// <summary>One layer's forward pass (weights and biases as the layer type needs; null for none).</summary>
    public static double[] Apply(LayerSpec layer, double[]? w, double[]? b, double[] x)
    {
        switch (layer.Kind)
        {
            case LayerKind.Dense:
                return Dense(layer, w!, b, x);
            case LayerKind.Conv2D:
            case LayerKind.Conv1D:
                return Convolution(layer, w!, b, x);
            case LayerKind.MaxPool2D:
            case LayerKind.MaxPool1D:
                return MaxPool(layer, x);
            case LayerKind.ReLU:
                var y = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = Math.Max(0.0, x[i]);
                }

                return y;
            case LayerKind.Flatten:
                return (double[])x.Clone();
            default:
                throw new NotSupportedException(layer.Kind.ToString());
        }
    }

    // Input-major: each input scatters into every output (the device code is output-major).
    private static double[] Dense(LayerSpec layer, double[] w, double[]? b, double[] x)
    {
        int inputs = layer.Input.Size;
        int outputs = layer.Units;
        var y = new double[outputs];
        for (int i = 0; i < inputs; i++)
        {
            for (int o = 0; o < outputs; o++)
            {
                y[o] += w[(o * inputs) + i] * x[i];
            }
        }

        if (b is not null)
        {
            for (int o = 0; o < outputs; o++)
            {
                y[o] += b[o];
            }
        }

        return y;
    }

    private static double[] Convolution(LayerSpec layer, double[] w, double[]? b, double[] x)
    {
        bool square = layer.Kind == LayerKind.Conv2D;
        int channels = layer.Input.Channels;
        int height = layer.Input.Height;
        int width = layer.Input.Width;
        int kh = square ? layer.Kernel : 1;
        int kw = layer.Kernel;
        int sy = square ? layer.Stride : 1;
        int sx = layer.Stride;
        int py = square ? layer.Padding : 0;
        int px = layer.Padding;
        int outHeight = layer.Output.Height;
        int outWidth = layer.Output.Width;
        var y = new double[layer.Output.Size];
        for (int c = 0; c < channels; c++)
        {
            for (int ky = 0; ky < kh; ky++)
            {
                for (int kx = 0; kx < kw; kx++)
                {
                    for (int f = 0; f < layer.Units; f++)
                    {
                        double weight = w[((((f * channels) + c) * kh) + ky) * kw + kx];
                        for (int oy = 0; oy < outHeight; oy++)
                        {
                            int iy = (oy * sy) + ky - py;
                            if (iy < 0 || iy >= height)
                            {
                                continue;
                            }

                            for (int ox = 0; ox < outWidth; ox++)
                            {
                                int ix = (ox * sx) + kx - px;
                                if (ix < 0 || ix >= width)
                                {
                                    continue;
                                }

                                y[(((f * outHeight) + oy) * outWidth) + ox] += weight * x[(((c * height) + iy) * width) + ix];
                            }
                        }
                    }
                }
            }
        }

        if (b is not null)
        {
            for (int i = 0; i < y.Length; i++)
            {
                y[i] += b[i / (outHeight * outWidth)];
            }
        }

        return y;
    }

    private static double[] MaxPool(LayerSpec layer, double[] x)
    {
        bool square = layer.Kind == LayerKind.MaxPool2D;
        int height = layer.Input.Height;
        int width = layer.Input.Width;
        int kh = square ? layer.Kernel : 1;
        int kw = layer.Kernel;
        int sy = square ? layer.Stride : 1;
        int sx = layer.Stride;
        Shape output = layer.Output;
        var y = new double[output.Size];
        for (int c = 0; c < output.Channels; c++)
        {
            for (int oy = 0; oy < output.Height; oy++)
            {
                for (int ox = 0; ox < output.Width; ox++)
                {
                    double best = double.NegativeInfinity;
                    for (int ky = 0; ky < kh; ky++)
                    {
                        for (int kx = 0; kx < kw; kx++)
                        {
                            best = Math.Max(best, x[(((c * height) + (oy * sy) + ky) * width) + (ox * sx) + kx]);
                        }
                    }

                    y[(((c * output.Height) + oy) * output.Width) + ox] = best;
                }
            }
        }

        return y;
    }
}
