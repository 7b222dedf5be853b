// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Native.Tests.Support;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native.Tests.BitExact;

/// <summary>tt_softmax_xent.c against SoftmaxCrossEntropy: loss, int8 error, its scale, the scratch, and the tables.</summary>
public sealed class SoftmaxCrossEntropyTests
{
    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void ComputeMatchesForRandomLogitsScalesAndLabels(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(601);
        int clampedExponents = 0;
        for (int n = 0; n < 5000; n++)
        {
            int classes = cases.Chance(5) ? cases.Int(41, 300) : cases.Int(1, 40);
            int label = cases.Int(0, classes - 1);
            bool compound = cases.Chance(50);
            var scale = cases.Chance(10)
                ? new Scale(cases.Int(-60, 40), cases.Int(0, 60), cases.Int(0, 60))
                : new Scale(cases.Int(-9, 0), cases.Int(0, 2), cases.Int(0, 2));
            var logits = new Tensor8(cases.Int8s(classes, zeroPercent: 10), classes) { Scale = scale };
            var error = new Tensor8(new sbyte[classes], classes);
            int[] expectedScratch = cases.Int32s(classes);
            int[] actualScratch = cases.Int32s(classes);

            int expectedLoss = SoftmaxCrossEntropy.Compute(logits, label, error, expectedScratch, compound);
            FixedMultiplier m = FixedMultiplier.FromPowers(scale.Pow2 + SoftmaxCrossEntropy.ExponentFractionBits, scale.Pow3);
            long factor = (long)m.Mantissa * 47274; // log2(e) in Q15, as SoftmaxCrossEntropy.ExponentFactor
            int shift = m.RightShift + 15;
            var actualError = new sbyte[classes];
            int status = native.SoftmaxCrossEntropy(logits.Data, classes, label, factor, shift, compound, actualScratch, actualError, out NativeStep step, out int actualLoss);

            string label2 = $"case {n}: {classes} classes, label {label}, scale {scale}, compound {compound}";
            Assert.True(status == 0, label2 + $": status {status}");
            Assert.True(expectedLoss == actualLoss, label2 + $": loss {actualLoss}, managed {expectedLoss}");
            Assert.True(error.Data.AsSpan().SequenceEqual(actualError), label2 + ": errors differ");
            Assert.True(expectedScratch.AsSpan().SequenceEqual(actualScratch), label2 + ": scratch differs");
            Assert.True(Steps.Same(Requantizer.OutputScale(Scale.PowerOfTwo(-SoftmaxCrossEntropy.ProbabilityBits), Steps.ToManaged(step)), error.Scale), label2 + ": scales differ");
            Assert.Equal(error.MaxAbs, step.ResultMaxAbs);
            clampedExponents += shift < 0 ? 1 : 0;
        }

        Assert.True(clampedExponents > 10, $"left-shifted exponents must be exercised ({clampedExponents})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void ABadLabelOrClassCountIsRejectedAsTheManagedCodeRejectsIt(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var logits = new Tensor8(new sbyte[] { 1, 2, 3 }, 3);
        var error = new Tensor8(new sbyte[3], 3);
        foreach (int label in new[] { -1, 3, int.MinValue })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxCrossEntropy.Compute(logits, label, error, new int[3], true));
            Assert.Equal(-1, native.SoftmaxCrossEntropy(logits.Data, 3, label, 1, 0, true, new int[3], new sbyte[3], out _, out _));
        }

        Assert.Equal(-1, native.SoftmaxCrossEntropy(logits.Data, 0, 0, 1, 0, true, new int[3], new sbyte[3], out _, out _));
        Assert.Equal(-1, native.SoftmaxCrossEntropy(new sbyte[65536], 65536, 0, 1, 0, true, new int[65536], new sbyte[65536], out _, out _));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void TheExponentialAndLogarithmTablesMatch(string flavour)
    {
        var native = NativeKernels.For(flavour);
        for (int d = -70000; d <= 70000; d++)
        {
            Assert.Equal(SoftmaxCrossEntropy.Exp2Negative(d), native.Exp2Negative(d));
        }

        var cases = new Cases(602);
        for (long x = 1; x <= 70000; x++)
        {
            Assert.Equal(SoftmaxCrossEntropy.Log2Q16(x), native.Log2Q16(x));
        }

        for (int n = 0; n < 20000; n++)
        {
            long x = 1 + ((long)cases.UInt() << cases.Int(0, 30));
            Assert.Equal(SoftmaxCrossEntropy.Log2Q16(x), native.Log2Q16(x));
        }
    }
}
