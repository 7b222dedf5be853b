// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Native.Tests.Support;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native.Tests.ModelStep;

/// <summary>
/// Runs the Cortex-M3 benchmark (lib-tintin/native/bench/run.sh: the native step built with
/// arm-none-eabi-gcc, run on qemu-system-arm -M mps2-an385 with the instruction-counting plugin) and
/// checks what it printed: the counter's self-check passed, every model has its row, and the int8 step
/// the M3 executed is lib-tintin's step: after the 8 measured steps, the losses, the PRNG state and a
/// CRC-32 of all the weights equal those of the managed <see cref="Model"/> trained on the same samples.
/// The FP32 losses are only checked for plausibility (within 0.25 nats of the int8 ones: the two trainings
/// start from the same weights but drift apart; on mnist-lenet5 the int8 step 7 is 0.08 nats below FP32
/// with the row-by-row convolutions, it was 0.20 with one requantization per tensor).
/// </summary>
[Collection(nameof(ModelStepTests))]
public sealed class CortexM3BenchTests
{
    [RequiresQemuFact]
    public void TheMeasuredStepIsTheManagedStep()
    {
        string output = Directory.CreateTempSubdirectory("tintin-m3-test-").FullName;
        try
        {
            var run = Tool.Run("bash", $"\"{Path.Combine(Repo.NativeSources, "bench", "run.sh")}\" \"{output}\"");
            Assert.True(run.ExitCode == 0, run.Describe("bench/run.sh"));
            string[] lines = run.Output.Split('\n');
            Assert.Contains(lines, l => l.StartsWith("counter self-check: calibration loop 3000 - loop 1000 = 4000 instructions", StringComparison.Ordinal));

            string[] names = ModelCatalog.Names();
            for (int index = 0; index < names.Length; index++)
            {
                string name = names[index];
                string row = lines.Single(l => l.StartsWith("| " + name + " |", StringComparison.Ordinal));
                long[] figures = row.Split('|', StringSplitOptions.TrimEntries).Skip(2).Take(2).Select(f => long.Parse(f, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();
                Assert.True(figures[0] > 0 && figures[1] > figures[0], $"{name}: int8 {figures[0]}, FP32 {figures[1]} instructions per training sample");

                string[] integer = Fields(lines, name, "int8-weights-crc");
                string[] fp32 = Fields(lines, name, "fp32-losses-q16");
                (uint crc, uint random, int[] losses) = ManagedSteps(index, name);
                Assert.Equal(crc.ToString("x8", CultureInfo.InvariantCulture), integer[0]);
                Assert.Equal(random.ToString("x8", CultureInfo.InvariantCulture), integer[2]);
                Assert.Equal("int8-losses-q16", integer[3]);
                Assert.Equal(losses, integer.Skip(4).Select(int.Parse).ToArray());
                int[] floatLosses = fp32.Select(int.Parse).ToArray();
                Assert.Equal(losses.Length, floatLosses.Length);
                for (int s = 0; s < losses.Length; s++)
                {
                    Assert.True(Math.Abs(floatLosses[s] - losses[s]) < 0.25 * 65536, $"{name} step {s}: FP32 loss {floatLosses[s] / 65536.0:F3} nats, int8 {losses[s] / 65536.0:F3}");
                }
            }
        }
        finally
        {
            CrossToolchain.TryDelete(output);
        }
    }

    // The fields after "RESULT <name> <key>": for int8-weights-crc, the CRC, "random", the state, "int8-losses-q16", the losses.
    private static string[] Fields(string[] lines, string name, string key)
    {
        string prefix = $"RESULT {name} {key} ";
        string line = lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..].Trim().Split(' ');
    }

    private static (uint Crc, uint Random, int[] Losses) ManagedSteps(int index, string name)
    {
        int rate = ModelStepTests.LearningRateShift(name);
        var model = new Model(ModelCatalog.Create(name), new TrainingOptions { Mode = TrainingMode.TinTin, Seed = 1, LearningRate = Scale.PowerOfTwo(rate) });
        var losses = new int[8];
        for (int s = 0; s < losses.Length; s++)
        {
            (sbyte[] input, int log2Scale, int label) = ModelRunner.Optimized.Sample(index, s);
            losses[s] = model.TrainStep(input, Scale.PowerOfTwo(log2Scale), label);
        }

        uint crc = 0xFFFFFFFF;
        for (int l = 0; l < model.LayerCount; l++)
        {
            if (model.GetLayer(l) is WeightedLayer layer)
            {
                foreach (sbyte w in layer.CopyWeights())
                {
                    crc ^= (byte)w;
                    for (int bit = 0; bit < 8; bit++)
                    {
                        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
                    }
                }
            }
        }

        return (~crc, model.Random.State, losses);
    }
}

/// <summary>A fact that needs arm-none-eabi-gcc with newlib, qemu-system-arm and gcc; reported skipped, with the reason, where one is absent.</summary>
public sealed class RequiresQemuFactAttribute : FactAttribute
{
    public RequiresQemuFactAttribute()
    {
        string[] missing = new[] { "bash", "gcc", "arm-none-eabi-gcc", "arm-none-eabi-nm", "qemu-system-arm" }.Where(t => Tool.Find(t) is null).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"skipped: the Cortex-M3 benchmark needs {string.Join(", ", missing)} on the PATH (Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm gcc; .ci/run installs them)";
            return;
        }

        var specs = Tool.Run("arm-none-eabi-gcc", "-print-file-name=nano.specs");
        if (specs.ExitCode != 0 || !File.Exists(specs.Output.Trim()))
        {
            Skip = "skipped: arm-none-eabi-gcc has no newlib (nano.specs not found; Debian: apt-get install libnewlib-arm-none-eabi)";
        }
    }
}
