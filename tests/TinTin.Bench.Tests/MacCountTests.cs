// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Description;
using ModelCatalog = TinTin.Bench.Models.ModelCatalog;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Bench.Tests;

public class MacCountTests
{
    [Theory]
    [InlineData("mnist-mlp")]
    [InlineData("mnist-lenet5")]
    [InlineData("cwru-fft-mlp")]
    [InlineData("cwru-cnn1d")]
    public void TheCountFromTheDescriptionIsWhatTheEngineDoes(string name)
    {
        BenchModel model = ModelCatalog.Get(name);
        Shape input = name switch
        {
            "mnist-mlp" => Shape.Vector(784),
            "mnist-lenet5" => new Shape(1, 28, 28),
            "cwru-fft-mlp" => Shape.Vector(ModelCatalog.SpectrumBands),
            _ => new Shape(1, 1, 1024),
        };
        ModelSpec spec = model.Build(input);
        var engine = new Model(spec, new TrainingOptions());
        var sample = new sbyte[input.Size];
        for (int i = 0; i < sample.Length; i++)
        {
            sample[i] = (sbyte)((i * 37 % 255) - 127);
        }

        engine.TrainStep(sample, Scale.PowerOfTwo(-7), 3);
        long measured = 0;
        for (int l = 0; l < engine.LayerCount; l++)
        {
            measured += engine.GetLayer(l).Stats.Macs;
        }

        Assert.Equal(measured, MacCount.PerTrainingSample(spec));
    }

    [Fact]
    public void MlpCountIsTheTextbookOne()
    {
        ModelSpec spec = ModelCatalog.Get("mnist-mlp").Build(Shape.Vector(784));
        // Forward 784·128 + 128·10; weight gradients the same; the error reaches layer 1 only (128·10).
        Assert.Equal((2 * 784 * 128) + (3 * 128 * 10), MacCount.PerTrainingSample(spec));
        Assert.Equal((784 * 128) + (128 * 10), MacCount.PerInference(spec));
    }
}
