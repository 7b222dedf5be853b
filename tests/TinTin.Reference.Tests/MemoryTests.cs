// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Training;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>The memory figures are the bytes of the arrays the network actually holds.</summary>
public class MemoryTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (string name in Networks.SingleLayers)
        {
            data.Add(name, false);
        }

        foreach (string name in Networks.Whole)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFiguresAddUpToEveryArrayTheNetworkHolds(string name, bool keepInputError)
    {
        var network = new Fp32Network(Networks.Create(name), keepInputError);
        float[] input = Networks.Input(network.Spec.Input.Size, new Random(1));
        Check(network, input); // fresh
        network.TrainStep(input, 0);
        Check(network, input); // after a step: the caller's input is referenced, not owned
    }

    [Fact]
    public void ACnnHasTheBytesWorkedOutByHand()
    {
        // 2x6x6 -> Conv2D(3, 3x3, pad 1) -> ReLU -> MaxPool2D(2) -> Flatten -> Dense(4).
        var network = new Fp32Network(Networks.Create("cnn2d"));

        // Conv 3*2*9 + 3 floats, Dense 27*4 + 4 floats.
        Assert.Equal(4 * (54 + 3 + 108 + 4), network.WeightBytes);

        // Conv output 3x6x6 (ReLU writes over it), pooled 3x3x3 and its 27 window indices, logits 4.
        Assert.Equal((4 * (108 + 27 + 4)) + 27, network.ActivationBytes);
        Assert.Equal(0, network.GradientBytes);

        // Error buffers: one holds the logits' error and then the pooling input's (108), the other the
        // pooled error (27); the convolution's gradient row is one filter, 2*3*3.
        Assert.Equal(4 * (108 + 27 + 18), network.ScratchBytes);
        Assert.Equal(676 + 583 + 612, network.TotalBytes);
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn2d")]
    [InlineData("cnn2d-deep")]
    [InlineData("cnn1d")]
    public void WeightsAndActivationsAreLibTintinsWithFloat32ValuesInsteadOfInt8(string name)
    {
        ModelSpec spec = Networks.Create(name);
        var network = new Fp32Network(spec);
        MemoryPlan plan = MemoryPlan.Create(spec, new TrainingOptions());
        int weights = 0;
        int stored = 0;
        int biases = 0;
        int kept = 0;
        for (int l = 0; l < spec.Count; l++)
        {
            weights += spec[l].WeightCount;
            stored += LayerFactory.WeightStorageBytes(spec[l]); // Dense: whole longs of eight
            biases += spec[l].BiasCount;
            kept += LayerFactory.KeptBytes(spec[l]);
        }

        Assert.InRange(stored - weights, 0, 7 * spec.Count);
        Assert.Equal(stored + (4 * biases), plan.WeightBytes);
        Assert.Equal(4 * (weights + biases), network.WeightBytes);
        Assert.Equal((4 * (plan.ActivationBytes - kept)) + kept, network.ActivationBytes);
        Assert.Equal(plan.GradientBytes, network.GradientBytes);
    }

    private static void Check(Fp32Network network, float[] input)
    {
        var arrays = new List<Array>();
        Collect(network, arrays, new HashSet<object>(ReferenceEqualityComparer.Instance));
        long total = 0;
        long weights = 0;
        long activations = 0;
        var weightArrays = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var activationArrays = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (int l = 0; l < network.LayerCount; l++)
        {
            AddIfNotNull(weightArrays, network.GetWeights(l));
            AddIfNotNull(weightArrays, network.GetBiases(l));
            AddIfNotNull(activationArrays, network.GetOutput(l));
        }

        foreach (Array array in arrays)
        {
            Type element = array.GetType().GetElementType()!;
            if (!element.IsPrimitive)
            {
                Assert.True(array.Length <= network.LayerCount + 1, "only the per-layer bookkeeping arrays hold references");
                continue;
            }

            if (ReferenceEquals(array, input))
            {
                continue; // the caller's sample, referenced during a step, not owned
            }

            long bytes = Buffer.ByteLength(array);
            total += bytes;
            if (weightArrays.Contains(array))
            {
                weights += bytes;
            }
            else if (activationArrays.Contains(array) || element == typeof(byte))
            {
                activations += bytes; // layer outputs and max-pool window indices
            }
        }

        Assert.Equal(network.TotalBytes, total);
        Assert.Equal(network.WeightBytes, weights);
        Assert.Equal(network.ActivationBytes, activations);
        Assert.Equal(0, network.GradientBytes);
        Assert.Equal(network.ScratchBytes, total - weights - activations);
    }

    private static void AddIfNotNull(HashSet<object> set, float[]? array)
    {
        if (array is not null)
        {
            set.Add(array);
        }
    }

    // Every array reachable from the network through its own objects (the description is not training memory).
    private static void Collect(object value, List<Array> arrays, HashSet<object> seen)
    {
        if (!seen.Add(value))
        {
            return;
        }

        if (value is Array array)
        {
            arrays.Add(array);
            if (!array.GetType().GetElementType()!.IsPrimitive)
            {
                foreach (object? item in array)
                {
                    if (item is not null)
                    {
                        Collect(item, arrays, seen);
                    }
                }
            }

            return;
        }

        Type type = value.GetType();
        if (type.Namespace is null || !type.Namespace.StartsWith("TinTin.Reference", StringComparison.Ordinal))
        {
            return;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsValueType && field.GetValue(value) is { } child)
                {
                    Collect(child, arrays, seen);
                }
            }
        }
    }
}
