// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Reflection;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native.Tests.Support;

/// <summary>
/// The managed kernels the C kernels mirror, called as they are (no copy of their code): the layer
/// loops are public methods of <see cref="ManagedKernels"/> (the kernel seam); the layer methods around
/// them and the scalar bookkeeping their callers do are private and called by reflection. A rename in
/// lib-tintin fails here by name.
/// </summary>
internal static class Managed
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.NonPublic;

    private static readonly MethodInfo s_denseUpdateRows = Find(typeof(Dense), "UpdateRows", Instance, typeof(Tensor8), typeof(Tensor8), typeof(int[]), typeof(Workspace));
    private static readonly MethodInfo s_denseAccumulateRows = Find(typeof(Dense), "AccumulateRows", Instance, typeof(Tensor8), typeof(Tensor8), typeof(Workspace));
    private static readonly MethodInfo s_convPropagateError = Find(typeof(Convolution), "PropagateError", Instance, typeof(Tensor8), typeof(Tensor8), typeof(int), typeof(Workspace));
    private static readonly ManagedKernels s_kernels = new();
    private static readonly MethodInfo s_updateMultiplier = Find(typeof(WeightedLayer), "UpdateMultiplier", Instance, typeof(Scale), typeof(TrainingOptions), typeof(bool));
    private static readonly MethodInfo s_limitShift = Find(typeof(WeightedLayer), "LimitShift", Static, typeof(FixedMultiplier), typeof(int));
    private static readonly MethodInfo s_nitiShift = Find(typeof(WeightedLayer), "NitiShift", Static, typeof(int), typeof(int));
    private static readonly MethodInfo s_biasContribution = Find(typeof(WeightedLayer), "BiasContribution", Static, typeof(int), typeof(FixedMultiplier));

    public static void DensePropagateError(Dense layer, Tensor8 outputError, int[] acc) =>
        s_kernels.DenseInputError(layer.PackedWeights, outputError.Data, layer.Spec.Input.Size, layer.Spec.Units, acc);

    /// <summary>Runs a managed Dense kernel on a packed copy of int8 weights (PackedDense) and unpacks the result into them.</summary>
    public static int OnPacked(sbyte[] weights, Func<long[], int> kernel)
    {
        var packed = new long[PackedDense.Longs(weights.Length)];
        PackedDense.Pack(weights, 0, packed, 0, weights.Length);
        int result = kernel(packed);
        PackedDense.Unpack(packed, 0, weights, 0, weights.Length);
        return result;
    }

    public static int DenseUpdateRows(Dense layer, Tensor8 input, Tensor8 outputError, int[]? inputError, Workspace workspace) =>
        (int)s_denseUpdateRows.Invoke(layer, new object?[] { input, outputError, inputError, workspace })!;

    public static int DenseAccumulateRows(Dense layer, Tensor8 input, Tensor8 outputError, Workspace workspace) =>
        (int)s_denseAccumulateRows.Invoke(layer, new object[] { input, outputError, workspace })!;

    public static void ConvPropagateError(Convolution layer, Tensor8 outputError, Tensor8 inputError, int perPass, Workspace workspace) =>
        s_convPropagateError.Invoke(layer, new object[] { outputError, inputError, perPass, workspace });

    public static int ConvForward(Convolution layer, int filter, sbyte[] x, bool sparse, int bias, int[] acc) =>
        s_kernels.ConvForward(layer.Geometry, filter, layer.Weights, x, sparse, bias, acc);

    public static void ConvInputError(Convolution layer, int firstChannel, int channelCount, sbyte[] e, int[] acc) =>
        s_kernels.ConvInputError(layer.Geometry, firstChannel, channelCount, layer.Weights, e, acc);

    public static void ConvComputeGradient(Convolution layer, int filter, int firstChannel, int channelCount, sbyte[] x, sbyte[] e, int[] g, bool sparse, int[]? errorAcc) =>
        s_kernels.ConvGradient(layer.Geometry, filter, firstChannel, channelCount, layer.Weights, x, e, g, sparse, errorAcc);

    public static FixedMultiplier UpdateMultiplier(WeightedLayer layer, Scale gradientScale, TrainingOptions options, bool accumulate) =>
        (FixedMultiplier)s_updateMultiplier.Invoke(layer, new object[] { gradientScale, options, accumulate })!;

    public static FixedMultiplier LimitShift(FixedMultiplier m, int maxShift) =>
        (FixedMultiplier)s_limitShift.Invoke(null, new object[] { m, maxShift })!;

    public static int NitiShift(int maxGradient, int mu) =>
        (int)s_nitiShift.Invoke(null, new object[] { maxGradient, mu })!;

    public static int BiasContribution(int bias, FixedMultiplier m) =>
        (int)s_biasContribution.Invoke(null, new object[] { bias, m })!;

    private static MethodInfo Find(Type type, string name, BindingFlags flags, params Type[] parameters) =>
        type.GetMethod(name, flags, binder: null, parameters, modifiers: null)
        ?? throw new MissingMethodException(type.FullName, name);
}
