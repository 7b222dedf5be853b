// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Native.Tests.Support;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native.Tests.ModelStep;

/// <summary>
/// The C model runner the Cortex-M3 benchmark measures (lib-tintin/native/bench/tt_model.c) against
/// lib-tintin's <see cref="Model"/> on every catalog model: the same shapes, the same initial weights
/// from the same seed, then 48 training steps (the benchmark's 8 samples first, then 40 random ones)
/// with every weight, bias, weight scale, range-check counter, output (values, scale, largest
/// magnitude), loss and PRNG state compared after each step, and the predictions compared.
/// </summary>
[Collection(nameof(ModelStepTests))] // the runner keeps its model in static storage
public sealed class ModelStepTests
{
    private const uint Seed = 1;
    private const int RandomSteps = 40;

    public static TheoryData<string, string> Models()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in ModelCatalog.Names())
        {
            data.Add(name, NativeBuild.Optimized);
            data.Add(name, NativeBuild.UndefinedBehaviourTrap);
        }

        return data;
    }

    /// <summary>The bench's learning rate of the first epoch (tools/TinTin.Bench/Models/ModelCatalog.cs): 2^-6, LeNet-5 2^-7.</summary>
    public static int LearningRateShift(string name) => name == ModelCatalog.MnistLeNet5 ? -7 : -6;

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryStepMatchesTheManagedModel(string name, string flavour)
    {
        int index = Array.IndexOf(ModelCatalog.Names(), name);
        int rate = LearningRateShift(name);
        ModelRunner native = ModelRunner.For(flavour);
        var options = new TrainingOptions { Mode = TrainingMode.TinTin, Seed = Seed, LearningRate = Scale.PowerOfTwo(rate) };
        var managed = new Model(ModelCatalog.Create(name), options);
        Assert.True(native.Build(index, Seed, rate), $"tt_bench_build({index}) failed");

        CompareShapes(managed, native);
        CompareBuffers(managed, native);
        CompareState(managed, native, "after initialisation");

        var cases = new Cases(1000 + index);
        int rescales = 0;
        int steps = 0;
        for (int step = 0; step < 8 + RandomSteps; step++)
        {
            sbyte[] input;
            int log2Scale;
            int label;
            if (step < 8)
            {
                (input, log2Scale, label) = native.Sample(index, step);
            }
            else
            {
                (input, log2Scale, label) = RandomSample(cases, managed.Spec.Input.Size, index);
            }

            Assert.Equal(managed.Predict(input, Scale.PowerOfTwo(log2Scale)), native.Predict(input, log2Scale));
            int[] scalesBefore = WeightScales(managed);
            int expectedLoss = managed.TrainStep(input, Scale.PowerOfTwo(log2Scale), label);
            int actualLoss = native.Train(input, log2Scale, label);
            Assert.True(expectedLoss == actualLoss, $"{name} step {step}: loss {actualLoss}, managed {expectedLoss}");
            CompareState(managed, native, $"after step {step}");
            rescales += CountChanged(scalesBefore, WeightScales(managed));
            steps++;
        }

        // 48 steps pass the 32-update weight-range check of every layer; the rescales (clamps or a
        // check that scaled a tensor) show the bookkeeping paths of AfterUpdate were compared too.
        Assert.Equal(8 + RandomSteps, steps);
        Assert.True(rescales > 0, $"{name}: no weight tensor was rescaled in {steps} steps, so AfterUpdate's rescale was not compared");
    }

    private static (sbyte[] Input, int Log2Scale, int Label) RandomSample(Cases cases, int size, int model)
    {
        var x = new sbyte[size];
        bool image = model <= 1;
        for (int i = 0; i < size; i++)
        {
            // MNIST-like: 80 % background, pixels >> 1 in 0..127; CWRU: dense values of either sign.
            x[i] = image ? (cases.Chance(80) ? (sbyte)0 : (sbyte)cases.Int(1, 127)) : (sbyte)cases.Int(-127, 127);
        }

        return (x, image ? -7 : cases.Int(-9, -3), cases.Int(0, ModelCatalog.Classes - 1));
    }

    private static void CompareShapes(Model managed, ModelRunner native)
    {
        Assert.Equal(managed.LayerCount, native.LayerCount);
        for (int l = 0; l < managed.LayerCount; l++)
        {
            LayerSpec spec = managed.Spec[l];
            int[] info = native.LayerInfo(l);
            int kind = spec.Kind switch
            {
                LayerKind.Dense => 0,
                LayerKind.Conv2D or LayerKind.Conv1D => 1,
                LayerKind.ReLU => 2,
                LayerKind.MaxPool2D or LayerKind.MaxPool1D => 3,
                LayerKind.Flatten => 4,
                _ => -1,
            };
            Assert.True(kind == info[0], $"layer {l}: kind {info[0]}, managed {spec.Kind}");
            Assert.True(spec.Input.Size == info[1], $"layer {l} ({spec}): input size {info[1]}");
            Assert.True(spec.Output.Size == info[2], $"layer {l} ({spec}): output size {info[2]}");
            Assert.True(spec.WeightCount == info[3], $"layer {l} ({spec}): {info[3]} weights");
            Assert.True(spec.BiasCount == info[4], $"layer {l} ({spec}): {info[4]} biases");
        }
    }

    // The runner's buffers as MemoryPlan sizes them, and each convolution's channels per backward pass as the
    // layer computes them from the accumulator row (LayerFactory.ChannelsPerPass): the passes decide the
    // update blocks and the error rows, so the step comparison below depends on them.
    private static void CompareBuffers(Model managed, ModelRunner native)
    {
        int[] buffers = native.Buffers();
        Assert.True(managed.Plan.PassRowLength == buffers[0], $"accumulator row {buffers[0]}, MemoryPlan {managed.Plan.PassRowLength} (before the row grows for the managed filter pairs)");
        Assert.True(managed.Plan.GradientRowLength == buffers[1], $"gradient row {buffers[1]}, MemoryPlan {managed.Plan.GradientRowLength}");
        for (int l = 0; l < managed.LayerCount; l++)
        {
            LayerSpec spec = managed.Spec[l];
            bool convolution = spec.Kind == LayerKind.Conv2D || spec.Kind == LayerKind.Conv1D;
            int expected = convolution ? LayerFactory.ChannelsPerPass(spec, managed.Plan.PassRowLength) : 0;
            Assert.True(expected == native.LayerInfo(l)[5], $"layer {l} ({spec}): {native.LayerInfo(l)[5]} channels per pass, managed {expected}");
        }
    }

    private static void CompareState(Model managed, ModelRunner native, string when)
    {
        for (int l = 0; l < managed.LayerCount; l++)
        {
            if (managed.GetLayer(l) is not WeightedLayer layer)
            {
                continue;
            }

            Assert.True(layer.CopyWeights().AsSpan().SequenceEqual(native.Weights(l, layer.WeightCount)), $"layer {l} weights differ {when}");
            Assert.True(layer.Biases.AsSpan().SequenceEqual(native.Biases(l, layer.Biases.Length)), $"layer {l} biases differ {when}");
            int[] scale = native.WeightScale(l);
            Assert.True(
                layer.WeightScale.Shift == scale[0] && layer.WeightScale.Up == scale[1] && layer.WeightScale.Down == scale[2],
                $"layer {l} weight scale {scale[0]},{scale[1]},{scale[2]}, managed {layer.WeightScale} {when}");
            Assert.True(layer.UpdatesSinceCheck == scale[3], $"layer {l} updates since check {scale[3]}, managed {layer.UpdatesSinceCheck} {when}");
        }

        Assert.True(managed.Random.State == native.Random, $"PRNG state {native.Random:x8}, managed {managed.Random.State:x8} {when}");
        if (when.StartsWith("after step", StringComparison.Ordinal))
        {
            Tensor8 output = managed.Output;
            (sbyte[] data, int[] info) = native.Output();
            Assert.True(output.Length == info[4], $"output length {info[4]}, managed {output.Length} {when}");
            Assert.True(output.Data.AsSpan(0, output.Length).SequenceEqual(data), $"output values differ {when}");
            Assert.True(
                output.Scale.Shift == info[0] && output.Scale.Up == info[1] && output.Scale.Down == info[2] && output.MaxAbs == info[3],
                $"output scale {info[0]},{info[1]},{info[2]} max {info[3]}, managed {output.Scale} max {output.MaxAbs} {when}");
        }
    }

    private static int[] WeightScales(Model model)
    {
        var scales = new int[3 * model.LayerCount];
        for (int l = 0; l < model.LayerCount; l++)
        {
            if (model.GetLayer(l) is WeightedLayer layer)
            {
                scales[3 * l] = layer.WeightScale.Shift;
                scales[(3 * l) + 1] = layer.WeightScale.Up;
                scales[(3 * l) + 2] = layer.WeightScale.Down;
            }
        }

        return scales;
    }

    private static int CountChanged(int[] before, int[] after)
    {
        int changed = 0;
        for (int i = 0; i < before.Length; i += 3)
        {
            if (before[i] != after[i] || before[i + 1] != after[i + 1] || before[i + 2] != after[i + 2])
            {
                changed++;
            }
        }

        return changed;
    }
}
