// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Scaling;

namespace TinTin.Engine.Tests;

/// <summary>
/// A Dense-shaped weighted layer (one input, one bias per output) that reaches <see cref="WeightedLayer"/>'s protected
/// bias scaling and update and the helpers they write out, for the tests that compare the two.
/// </summary>
internal sealed class BiasProbe : WeightedLayer
{
    public BiasProbe(int outputs)
        : base(new ModelSpec(Shape.Vector(1)).Dense(outputs)[0], false)
    {
    }

    /// <summary>The helper the bias update writes out (stochastic rounding of value * m).</summary>
    public static int Scale(int value, FixedMultiplier m, ref uint random) => ScaleValueStochastic(value, m, ref random);

    /// <summary>The helper the bias scaling writes out (value * m rounded half away from zero, clamped).</summary>
    public static int Contribution(int bias, FixedMultiplier m) => BiasContribution(bias, m);

    /// <summary>Every bias converted by the written-out loop.</summary>
    public int[] ScaleAll(FixedMultiplier m)
    {
        int[] destination = new int[Biases.Length];
        ScaleBiases(m, destination);
        return destination;
    }

    public void Update(Tensor8 errors, Workspace workspace) => UpdateBiases(errors, 1, workspace);

    public void Update(Tensor8 errors, int perChannel, Workspace workspace) => UpdateBiases(errors, perChannel, workspace);

    public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace) => throw new NotSupportedException();

    public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace) => throw new NotSupportedException();
}
