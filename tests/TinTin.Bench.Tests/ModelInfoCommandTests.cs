// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Cli;
using TinTin.Cli.Commands;
using TinTin.Description;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Bench.Tests;

public sealed class ModelInfoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tintin-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void InfoPrintsArchitectureExponentsAndChecksums()
    {
        string path = SaveTrainedModel();
        var (code, output, error) = Run("model", "info", path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("input        1x1x16", output);
        // lib-tintin's LayerSpec text: kind(units,kernel,stride,padding[,bias]) input -> output.
        Assert.Matches(@"\n\s+0\s+Dense\(8,0,0,0,bias\) 1x1x16 -> 1x1x8 ", output);
        Assert.Contains("mode tintin", output);
        Assert.Contains("25 samples trained", output);
        Assert.Contains("weights 128 at 2^", output);
        Assert.Contains("verified", output);
        Assert.Matches("weights CRC-32 [0-9a-f]{8}", output);
    }

    [Fact]
    public void ACorruptedByteIsRejectedClearly()
    {
        string path = SaveTrainedModel();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var (code, output, error) = Run("model", "info", path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("not a valid model file", error);
        // lib-tintin's ModelFileReader names the failed check: "checksum mismatch: stored 0x... but computed 0x...".
        Assert.Matches("checksum mismatch: stored 0x[0-9A-F]{8} but computed 0x[0-9A-F]{8}", error);
    }

    [Fact]
    public void ATruncatedFileIsRejectedClearly()
    {
        string path = SaveTrainedModel();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 9)]);

        var (code, _, error) = Run("model", "info", path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains("truncated", error);
    }

    [Fact]
    public void AnythingElseIsRejectedClearly()
    {
        string text = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(text, "not a model at all, just some text");
        Assert.Contains("not a valid model file", Run("model", "info", text).Error);
        Assert.Contains("not a valid model file", Run("model", "info", WriteBytes("tiny", [0x54, 0x54])).Error);
        Assert.Contains("cannot read", Run("model", "info", Path.Combine(_folder, "missing.ttm")).Error);
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string SaveTrainedModel()
    {
        var model = new Model(new ModelSpec(Shape.Vector(16)).Dense(8).ReLU().Dense(4), new TrainingOptions { Seed = 9 });
        var sample = new sbyte[16];
        for (int i = 0; i < 25; i++)
        {
            sample[i % 16] = (sbyte)(i * 5);
            model.TrainStep(sample, Scale.PowerOfTwo(-7), i % 4);
        }

        string path = Path.Combine(_folder, "model.ttm");
        ModelFileIo.Save(model, path);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = TinTinCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
