// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Description;
using TinTin.Layers;
using TinTin.NativeHost;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;
using ModelCatalog = TinTin.Bench.Models.ModelCatalog;

namespace TinTin.Bench.Tests;

/// <summary>
/// One library, two engines (issue 14 item 2): lib-tintin on its managed kernels and on the C kernels of
/// lib-tintin/native (<see cref="HostNativeKernels"/>, through the kernel seam) must train identically,
/// every loss, prediction and weight the same. The synthetic cases always run; the real-data cases use the
/// smoke splits of ../shared/data and are skipped, with the reason, without them. Both need the machine's
/// C compiler (cc, or $TINTIN_CC): without it they fail with the native engine's message, as
/// tests/TinTin.Native.Tests does without gcc.
/// </summary>
public sealed class EngineParityTests
{
    private const int SyntheticSteps = 48;

    public static TheoryData<string, BenchMode> CatalogModes()
    {
        var data = new TheoryData<string, BenchMode>();
        foreach (string name in TinTin.Description.ModelCatalog.Names())
        {
            data.Add(name, BenchMode.TinTin);
            data.Add(name, BenchMode.Niti);
        }

        return data;
    }

    /// <summary>
    /// Every catalog model and mode, step by step on generated samples (half the inputs zero, so both the
    /// sparse and the dense loops run): the same loss at every step, the same predictions, weights, biases,
    /// weight scales and PRNG state at the end.
    /// </summary>
    [Theory]
    [MemberData(nameof(CatalogModes))]
    public void Every_catalog_model_trains_the_same_on_both_engines(string name, BenchMode mode)
    {
        ModelSpec spec = TinTin.Description.ModelCatalog.Create(name);
        AssertSameTraining(spec, IntegerTrainer.CreateOptions(mode, ModelCatalog.Get(name).Schedule, 5), 1, $"{name} {mode.Name()}");
    }

    /// <summary>
    /// The kernels the catalog models do not reach at batch size 1: mini-batches (the Dense rows' and the
    /// convolution's gradient accumulation, the accumulated updates) and the separate input error passes of
    /// Dense and convolution layers whose layer below is not a ReLU.
    /// </summary>
    [Theory]
    [InlineData(BenchMode.TinTin, 1)]
    [InlineData(BenchMode.Niti, 1)]
    [InlineData(BenchMode.TinTin, 4)]
    [InlineData(BenchMode.Niti, 4)]
    public void The_other_kernels_train_the_same_on_both_engines(BenchMode mode, int batchSize)
    {
        // Conv2D straight into Conv2D, and Dense straight into Dense: no ReLU below, so the input errors
        // are computed in their own pass (DenseInputError, ConvInputError).
        ModelSpec spec = new ModelSpec(new Shape(1, 12, 12))
            .Conv2D(4, 3, 1, 1).Conv2D(6, 3, 2, 1).ReLU().MaxPool2D(2).Flatten().Dense(20).Dense(16).ReLU().Dense(10);
        TrainingOptions options = IntegerTrainer.CreateOptions(mode, ModelCatalog.Get("mnist-mlp").Schedule, 9);
        options.BatchSize = batchSize;
        AssertSameTraining(spec, options, batchSize, $"toy {mode.Name()} batch {batchSize}");
    }

    [Fact]
    public void The_bench_reports_the_engine_and_the_same_results()
    {
        TaskData data = ToyTask.Create(120, 40, 4);
        BenchResult managed = BenchRunner.Run(ToyTask.Model, data, BenchMode.TinTin, 2, 3, null, null);
        BenchResult native = BenchRunner.Run(ToyTask.Model, data, BenchMode.TinTin, 2, 3, null, null, engine: BenchEngine.Native);

        Assert.Equal(BenchEngine.Managed, managed.Engine);
        Assert.Equal(BenchEngine.Native, native.Engine);
        AssertSameResults(managed, native);
        string json = Output.JsonReport.ToJson(native);
        Assert.Contains("\"engine\":\"native\"", json, StringComparison.Ordinal);
        Assert.Contains("\"engine\":\"managed\"", Output.JsonReport.ToJson(managed), StringComparison.Ordinal);
    }

    [Fact]
    public void The_interpreter_cost_is_refused_with_the_native_engine()
    {
        TaskData data = ToyTask.Create(40, 20, 4);
        var meter = new Cost.InterpreterCostMeter(2, 0, false);

        Assert.Throws<ArgumentException>(() => BenchRunner.Run(ToyTask.Model, data, BenchMode.TinTin, 1, 3, meter, null, engine: BenchEngine.Native));
    }

    [Fact]
    public void Without_a_C_compiler_the_native_engine_says_what_is_missing()
    {
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "no-such-cc");

        var ex = Assert.Throws<NativeEngineUnavailableException>(() => NativeLibraryBuild.Build(missing, NativeLibraryBuild.DefaultSourceFolder, folder.Path));
        Assert.Contains("needs a C compiler", ex.Message, StringComparison.Ordinal);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains(NativeLibraryBuild.CompilerVariable, ex.Message, StringComparison.Ordinal);

        var notOnPath = Assert.Throws<NativeEngineUnavailableException>(() => NativeLibraryBuild.Build("tintin-no-such-compiler", NativeLibraryBuild.DefaultSourceFolder, folder.Path));
        Assert.Contains("'tintin-no-such-compiler' was not found on the PATH", notOnPath.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiler_that_fails_and_a_library_that_does_not_load_are_reported()
    {
        using var folder = new TempFolder();

        // "false" runs and fails: the build's error names the compiler and its exit status.
        string? falseTool = new[] { "/bin/false", "/usr/bin/false" }.FirstOrDefault(File.Exists);
        if (falseTool != null)
        {
            var failed = Assert.Throws<NativeEngineUnavailableException>(() => NativeLibraryBuild.Build(falseTool, NativeLibraryBuild.DefaultSourceFolder, folder.Path));
            Assert.Contains("building lib-tintin/native with " + falseTool, failed.Message, StringComparison.Ordinal);
        }

        string bogus = Path.Combine(folder.Path, "libbogus.so");
        File.WriteAllText(bogus, "not a shared library");
        var unloadable = Assert.Throws<NativeEngineUnavailableException>(() => HostNativeKernels.Load(bogus));
        Assert.Contains("did not load", unloadable.Message, StringComparison.Ordinal);
        Assert.Throws<NativeEngineUnavailableException>(() => NativeLibraryBuild.Build("cc", Path.Combine(folder.Path, "no-sources"), folder.Path));
    }

    [Fact]
    public void The_command_line_selects_the_engine_and_reports_it()
    {
        using var folder = new TempFolder();
        string data = SyntheticMnist.Write(folder.Path, 60, 30);
        string[] run = ["bench", "--task", "mnist", "--model", "mnist-mlp", "--mode", "tintin", "--epochs", "1", "--data", data, "--json"];

        var managed = Cli.Run([.. run, "--cost-samples", "0", "--engine", "managed"]);
        var native = Cli.Run([.. run, "--engine", "native"]);
        var refused = Cli.Run([.. run, "--cost-samples", "5", "--engine", "native"]);

        Assert.True(managed.Code == 0, managed.Error);
        Assert.True(native.Code == 0, native.Error);
        using var m = System.Text.Json.JsonDocument.Parse(managed.Output);
        using var n = System.Text.Json.JsonDocument.Parse(native.Output);
        Assert.Equal("managed", m.RootElement.GetProperty("engine").GetString());
        Assert.Equal("native", n.RootElement.GetProperty("engine").GetString());
        Assert.Equal(m.RootElement.GetProperty("weights_crc32").GetString(), n.RootElement.GetProperty("weights_crc32").GetString());
        Assert.Equal(m.RootElement.GetProperty("test_accuracy").GetDouble(), n.RootElement.GetProperty("test_accuracy").GetDouble());
        Assert.Equal(m.RootElement.GetProperty("epoch_loss").ToString(), n.RootElement.GetProperty("epoch_loss").ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, n.RootElement.GetProperty("il_cost_per_sample").ValueKind);
        Assert.Contains("counted on the managed kernels only", native.Error, StringComparison.Ordinal);
        Assert.Equal(TinTin.Cli.TinTinCommandLine.ExitInvalidInput, refused.Code);
        Assert.Contains("--cost-samples 0", refused.Error, StringComparison.Ordinal);
    }

    internal static void AssertSameResults(BenchResult managed, BenchResult native)
    {
        string what = $"{managed.Model} {managed.Mode.Name()}";
        Assert.True(managed.WeightsCrc32 == native.WeightsCrc32, $"{what}: weights CRC-32 {managed.WeightsCrc32:x8} (managed) vs {native.WeightsCrc32:x8} (native)");
        Assert.Equal(managed.TestAccuracy, native.TestAccuracy);
        Assert.Equal(managed.EpochTestAccuracy, native.EpochTestAccuracy);
        Assert.Equal(managed.EpochLoss, native.EpochLoss);
        Assert.Equal(managed.Confusion, native.Confusion);
        Assert.Equal(managed.LastRate, native.LastRate);
    }

    private static void AssertSameTraining(ModelSpec spec, TrainingOptions options, int batchSize, string what)
    {
        var managed = new Model(spec, options, new ManagedKernels());
        var native = new Model(spec, Copy(options), HostNativeKernels.Load());
        Assert.IsType<HostNativeKernels>(native.Kernels);
        Assert.Equal(Checksum.OfWeights(managed), Checksum.OfWeights(native));

        var random = new Xorshift32(0xC0FFEE);
        int size = spec.Input.Size;
        var input = new sbyte[size];
        for (int step = 0; step < SyntheticSteps; step++)
        {
            // Half the samples mostly zeros (sparse loops), half mostly nonzero (dense loops).
            int zeros = step % 2 == 0 ? 80 : 10;
            for (int i = 0; i < size; i++)
            {
                input[i] = random.NextInt(100) < zeros ? (sbyte)0 : (sbyte)(random.NextInt(255) - 127);
            }

            var scale = Scale.PowerOfTwo(-7 + (step % 3));
            int label = random.NextInt(spec.Output.Size);
            int expected = managed.TrainStep(input, scale, label);
            int actual = native.TrainStep(input, scale, label);
            Assert.True(expected == actual, $"{what}: step {step}: loss {expected} (managed) vs {actual} (native)");
            Assert.Equal(managed.Output.Data.Take(managed.Output.Length), native.Output.Data.Take(native.Output.Length));
            Assert.True(managed.Random.State == native.Random.State, $"{what}: step {step}: PRNG state");
            Assert.Equal(managed.Predict(input, scale), native.Predict(input, scale));
        }

        managed.ApplyPending();
        native.ApplyPending();
        for (int l = 0; l < managed.LayerCount; l++)
        {
            if (managed.GetLayer(l) is WeightedLayer m)
            {
                var n = (WeightedLayer)native.GetLayer(l);
                Assert.True(m.CopyWeights().SequenceEqual(n.CopyWeights()), $"{what}: layer {l} weights");
                Assert.True(m.Biases == null ? n.Biases == null : m.Biases.SequenceEqual(n.Biases!), $"{what}: layer {l} biases");
                Assert.Equal(m.WeightScale.ToString(), n.WeightScale.ToString());
                Assert.Equal(m.UpdatesSinceCheck, n.UpdatesSinceCheck);
                Assert.Equal(m.Stats.Saturations, n.Stats.Saturations);
                Assert.Equal(m.Stats.CompoundRescales, n.Stats.CompoundRescales);
                Assert.Equal(m.Stats.WeightRescales, n.Stats.WeightRescales);
            }
        }

        Assert.Equal(Checksum.OfWeights(managed), Checksum.OfWeights(native));
        Assert.True(batchSize == 1 || managed.PendingSamples == 0);
    }

    private static TrainingOptions Copy(TrainingOptions options) => new()
    {
        Mode = options.Mode,
        LearningRate = options.LearningRate,
        MuBits = options.MuBits,
        BatchSize = options.BatchSize,
        Seed = options.Seed,
        InitialUpscale = options.InitialUpscale,
        WeightCheckInterval = options.WeightCheckInterval,
    };
}

/// <summary>The same comparison on real MNIST images: every MNIST model in both integer modes, through the bench.</summary>
public sealed class MnistEngineParityTests(MnistSmokeData smoke) : IClassFixture<MnistSmokeData>
{
    [RequiresMnistTheory]
    [InlineData("mnist-mlp", BenchMode.TinTin)]
    [InlineData("mnist-mlp", BenchMode.Niti)]
    [InlineData("mnist-lenet5", BenchMode.TinTin)]
    [InlineData("mnist-lenet5", BenchMode.Niti)]
    public void Both_engines_give_the_same_accuracy_loss_curve_and_weights(string model, BenchMode mode)
    {
        BenchModel m = ModelCatalog.Get(model);
        BenchResult managed = BenchRunner.Run(m, smoke.Data, mode, 2, 1, null, null);
        BenchResult native = BenchRunner.Run(m, smoke.Data, mode, 2, 1, null, null, engine: BenchEngine.Native);
        EngineParityTests.AssertSameResults(managed, native);
    }
}

/// <summary>The same comparison on real CWRU windows: every CWRU model in both integer modes, through the bench.</summary>
public sealed class CwruEngineParityTests(CwruSmokeData smoke) : IClassFixture<CwruSmokeData>
{
    [RequiresCwruTheory]
    [InlineData("cwru-fft-mlp", BenchMode.TinTin)]
    [InlineData("cwru-fft-mlp", BenchMode.Niti)]
    [InlineData("cwru-cnn1d", BenchMode.TinTin)]
    [InlineData("cwru-cnn1d", BenchMode.Niti)]
    public void Both_engines_give_the_same_accuracy_loss_curve_and_weights(string model, BenchMode mode)
    {
        BenchModel m = ModelCatalog.Get(model);
        TaskData data = smoke.For(m.Input);
        BenchResult managed = BenchRunner.Run(m, data, mode, 2, 1, null, null);
        BenchResult native = BenchRunner.Run(m, data, mode, 2, 1, null, null, engine: BenchEngine.Native);
        EngineParityTests.AssertSameResults(managed, native);
    }
}

/// <summary>
/// <c>tintin bench --engine native</c> where the compiler <c>$TINTIN_CC</c> names does not exist. The
/// variable is process-wide, so this runs alone (after the parallel tests), never beside a test that
/// builds the native engine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeCompilerEnvironmentCollection
{
    public const string Name = "TINTIN_CC environment variable";
}

/// <inheritdoc cref="NativeCompilerEnvironmentCollection"/>
[Collection(NativeCompilerEnvironmentCollection.Name)]
public sealed class NativeCompilerEnvironmentTests
{
    [Fact]
    public void The_command_line_reports_a_missing_compiler()
    {
        using var folder = new TempFolder();
        string data = SyntheticMnist.Write(folder.Path, 20, 10);
        using var cc = new EnvironmentVariableScope(NativeLibraryBuild.CompilerVariable, Path.Combine(folder.Path, "no-such-cc"));

        var (code, _, error) = Cli.Run("bench", "--task", "mnist", "--model", "mnist-mlp", "--mode", "tintin", "--epochs", "1", "--data", data, "--json", "--engine", "native");

        Assert.Equal(TinTin.Cli.TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains("--engine native: the native engine needs a C compiler", error, StringComparison.Ordinal);
    }
}
