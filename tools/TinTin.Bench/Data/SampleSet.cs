// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Scaling;

namespace TinTin.Bench.Data;

/// <summary>
/// One split of a task as the models see it: int8 samples, each with its own power-of-two scale
/// (block floating point, as the device's feature stage produces them), and the labels. The FP32
/// reference reads the same real numbers, <c>q * 2^log2Scale</c>, so all modes see identical data.
/// </summary>
public sealed class SampleSet
{
    private readonly float[][] _real;

    /// <summary>Creates a split.</summary>
    /// <param name="shape">The input shape of every sample.</param>
    /// <param name="inputs">The int8 samples, each <paramref name="shape"/>.Size long.</param>
    /// <param name="log2Scales">Per sample, the power of two its values are scaled by.</param>
    /// <param name="labels">Per sample, its class.</param>
    /// <exception cref="ArgumentException">The arrays disagree in length or a sample has the wrong size.</exception>
    public SampleSet(Shape shape, sbyte[][] inputs, int[] log2Scales, int[] labels)
    {
        if (inputs.Length != log2Scales.Length || inputs.Length != labels.Length)
        {
            throw new ArgumentException($"{inputs.Length} samples, {log2Scales.Length} scales and {labels.Length} labels");
        }

        _real = new float[inputs.Length][];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Length != shape.Size)
            {
                throw new ArgumentException($"sample {i} has {inputs[i].Length} values, the shape {shape} needs {shape.Size}");
            }

            float unit = MathF.ScaleB(1f, log2Scales[i]);
            var real = new float[shape.Size];
            for (int k = 0; k < real.Length; k++)
            {
                real[k] = inputs[i][k] * unit;
            }

            _real[i] = real;
        }

        Shape = shape;
        Inputs = inputs;
        Log2Scales = log2Scales;
        Labels = labels;
    }

    /// <summary>Gets the input shape.</summary>
    public Shape Shape { get; }

    /// <summary>Gets the number of samples.</summary>
    public int Count => Inputs.Length;

    /// <summary>Gets the int8 samples.</summary>
    public sbyte[][] Inputs { get; }

    /// <summary>Gets each sample's scale exponent.</summary>
    public int[] Log2Scales { get; }

    /// <summary>Gets each sample's class.</summary>
    public int[] Labels { get; }

    /// <summary>The integer scale of sample <paramref name="index"/>.</summary>
    /// <param name="index">The sample.</param>
    /// <returns>2^log2Scale as a compound scale.</returns>
    public Scale InputScale(int index) => Scale.PowerOfTwo(Log2Scales[index]);

    /// <summary>The real values of sample <paramref name="index"/>, for the FP32 reference.</summary>
    /// <param name="index">The sample.</param>
    /// <returns>q * 2^log2Scale, element by element (exact in float).</returns>
    public float[] RealInput(int index) => _real[index];

    /// <summary>The first <paramref name="count"/> samples (or all, when fewer).</summary>
    /// <param name="count">How many to keep.</param>
    /// <returns>A split with the first samples.</returns>
    public SampleSet Take(int count)
    {
        int n = Math.Min(count, Count);
        return new SampleSet(Shape, Inputs[..n], Log2Scales[..n], Labels[..n]);
    }
}
