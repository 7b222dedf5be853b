// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Random;
using TinTin.Training;

namespace TinTin.Engine.Tests;

/// <summary>
/// The tested code is the code that runs (issue 13 item 8): the hot loops write <see cref="Xorshift32.Step"/>
/// out instead of calling it (a call per draw costs about 15 additions on nanoCLR). Every such copy carries a
/// marker comment; the scan fails on an unmarked copy, and each copy is run against the helper here.
/// </summary>
/// <remarks>
/// The step is linear over GF(2)^32, so its value on the 32 single-bit states fixes it everywhere; the states
/// below are those 32, the edge values and 4,096 random ones, each drawn through the kernel that holds the copy.
/// </remarks>
public partial class InlineCopyTests
{
    private const string Marker = "Inline copy of Xorshift32.Step";

    public static TheoryData<string> LibraryFiles() => new(LibraryPaths());

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void EveryWrittenOutStepIsMarked(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), file));
        for (int i = 0; i < lines.Length; i++)
        {
            Match step = FirstLineOfStep().Match(lines[i]);
            if (!step.Success)
            {
                continue;
            }

            bool isTheHelper = lines.Skip(Math.Max(0, i - 3)).Take(Math.Min(3, i)).Any(l => l.Contains("public static uint Step(uint x)", StringComparison.Ordinal));
            bool marked = i > 0 && lines[i - 1].Contains(Marker, StringComparison.Ordinal);
            Assert.True(isTheHelper || marked, $"{file}:{i + 1}: a written-out xorshift32 step without the marker \"{Marker}\" (call Xorshift32.Step, or mark it and cover it in InlineCopyTests)");

            string v = step.Groups["v"].Value;
            Assert.Equal($"{v} ^= {v} >> 17;", lines[i + 1].Trim());
            Assert.Equal($"{v} ^= {v} << 5;", lines[i + 2].Trim());
        }
    }

    [Fact]
    public void TheMarkedCopiesAreTheOnesThisTestRuns()
    {
        // Where the copies are: a new one needs a check below (and this count raised).
        int copies = 0;
        foreach (string file in LibraryPaths())
        {
            copies += File.ReadAllLines(Path.Combine(RepositoryRoot(), file)).Count(l => l.Contains(Marker, StringComparison.Ordinal));
        }

        Assert.Equal(10, copies); // 5 in Xorshift32, 2 in WeightedLayer, 1 each in WeightUpdate, ManagedKernels, NativeTrainingKernels (the C kernels' twin is bit-exact-tested)
    }

    [Fact]
    public void TheGeneratorsDrawsAreSteps()
    {
        foreach (uint state in States())
        {
            uint next = Xorshift32.Step(state);
            Assert.Equal(next, new Xorshift32(state).NextUInt());
            Assert.Equal((int)next, new Xorshift32(state).NextInt());
            Assert.Equal(next >> 20, new Xorshift32(state).NextBits(12));

            // The bounded draw may reject and draw again (its loop holds the fifth copy): whatever it drew,
            // the generator must have moved along Step's orbit.
            var generator = new Xorshift32(state);
            generator.NextInt(1000);
            Assert.InRange(StepsFromTo(state, generator.State, 64), 1, 64);
            var rejecting = new Xorshift32(state);
            rejecting.NextInt(int.MaxValue - 1); // a bound whose rejection zone is large enough to loop now and then
            Assert.InRange(StepsFromTo(state, rejecting.State, 64), 1, 64);
        }
    }

    [Fact]
    public void TheDenseRowUpdateDrawsOneStepPerNonzeroRow()
    {
        var kernels = new ManagedKernels();
        sbyte[] input = [3, -5, 7, 0];
        sbyte[] errors = [9, 0, -4, 2, 0, 1];
        foreach (uint state in States())
        {
            var weights = new long[PackedDense.Longs(input.Length * errors.Length)];
            uint random = state;
            kernels.DenseUpdateRowsTinTin(weights, errors, input, input.Length, errors.Length, 3 << 13, 20, ref random, null);
            Assert.Equal(Steps(state, 4), random);
        }
    }

    [Fact]
    public void TheGradientUpdateDrawsOneStepPerWeight()
    {
        int[] gradients = [100, -2000, 0, 77, 5, -1];
        foreach (uint state in States())
        {
            var weights = new sbyte[gradients.Length];
            uint random = state;
            WeightUpdate.TinTinGradients(weights, 0, gradients, 0, gradients.Length, 1 << 14, 24, ref random);
            Assert.Equal(Steps(state, gradients.Length), random);
        }
    }

    [Fact]
    public void TheStochasticScalingDrawsOneStep()
    {
        foreach (uint state in States())
        {
            uint random = state;
            ScalingProbe.Scale(12345, ref random);
            Assert.Equal(Xorshift32.Step(state), random);
        }
    }

    [Fact]
    public void TheBiasUpdateDrawsOneStepPerBiasThatMoves()
    {
        // A Dense(3) layer on 2 inputs, one fused step: every one of the 3 output errors is nonzero (the
        // softmax error of an untrained net), so the weight rows draw 3 steps (one per row) and the biases 3
        // (one per bias, through the written-out copy in UpdateBiases). A copy that differed from Step would
        // leave the shared generator off Step's orbit.
        foreach (uint seed in new uint[] { 1, 7, 0x80000000, 0xDEADBEEF })
        {
            var model = new Model(new Description.ModelSpec(Description.Shape.Vector(2)).Dense(3), new TrainingOptions { Seed = seed });
            uint before = model.Random.State;
            model.TrainStep([50, -60], Scaling.Scale.PowerOfTwo(-7), 1);
            Assert.Equal(6, StepsFromTo(before, model.Random.State, 64));
        }
    }

    // lib-tintin's C# files, relative to the repository (the build output left out).
    private static IEnumerable<string> LibraryPaths()
    {
        string root = RepositoryRoot();
        string obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        string bin = $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}";
        return Directory.EnumerateFiles(Path.Combine(root, "lib-tintin"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(obj, StringComparison.Ordinal) && !f.Contains(bin, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // 32 single-bit states, edge values and random ones (never 0, the step's fixed point).
    private static IEnumerable<uint> States()
    {
        for (int bit = 0; bit < 32; bit++)
        {
            yield return 1u << bit;
        }

        yield return uint.MaxValue;
        yield return 0x7FFFFFFFu;
        yield return 0xAAAAAAAAu;
        yield return 0x55555555u;
        var random = new System.Random(13);
        for (int i = 0; i < 4096; i++)
        {
            yield return (uint)random.NextInt64(1, 1L << 32);
        }
    }

    private static uint Steps(uint state, int count)
    {
        for (int i = 0; i < count; i++)
        {
            state = Xorshift32.Step(state);
        }

        return state;
    }

    // How many Xorshift32.Step calls take from to to (-1 if not within limit).
    private static int StepsFromTo(uint from, uint to, int limit)
    {
        uint state = from;
        for (int n = 1; n <= limit; n++)
        {
            state = Xorshift32.Step(state);
            if (state == to)
            {
                return n;
            }
        }

        return -1;
    }

    private static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "TinTin.Nano.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("TinTin.Nano.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*(?<v>\w+) \^= \k<v> << 13;\s*$")]
    private static partial Regex FirstLineOfStep();

    // Reaches WeightedLayer's protected static scaling helper (its copy of the step).
    private abstract class ScalingProbe : Layers.WeightedLayer
    {
        private ScalingProbe()
            : base(null!, false)
        {
        }

        public static int Scale(int value, ref uint random) => ScaleValueStochastic(value, Scaling.FixedMultiplier.FromPowers(-3, 1), ref random);
    }
}
