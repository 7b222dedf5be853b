// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Native.Tests.Support;
using TinTin.Training;

namespace TinTin.Native.Tests.BitExact;

/// <summary>tt_row_update.c against RowUpdate: every weight, every input error and the clamp count.</summary>
public sealed class RowUpdateTests
{
    private const int CaseCount = 3000;

    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void TinTinMatchesTheManagedRow(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(101);
        long clamped = 0;
        long changed = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            Row row = Row.Random(cases);
            int mantissa = cases.Mantissa(outsidePercent: 5);
            int shift = cases.Chance(5) ? cases.Int(-40, 40) : cases.Shift(0, 30);
            uint dither = cases.UInt();
            sbyte[] expected = (sbyte[])row.Weights.Clone();
            sbyte[] actual = (sbyte[])row.Weights.Clone();

            int expectedClamped = Managed.OnPacked(expected, p => RowUpdate.TinTin(p, row.Offset, row.Error, row.Inputs, row.Count, mantissa, shift, dither));
            int actualClamped = native.RowTinTin(actual, row.Offset, row.Error, row.Inputs, row.Count, mantissa, shift, dither);

            string label = $"case {n}: e {row.Error} mantissa {mantissa} shift {shift} dither {dither:x8}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, managed {expectedClamped}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": weights differ");
            clamped += expectedClamped;
            changed += Row.Changed(row.Weights, expected);
        }

        Assert.True(clamped > 100 && changed > 10000, $"the cases must clamp and change weights (clamped {clamped}, changed {changed})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void TinTinPropagatingMatchesTheManagedRow(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(102);
        long clamped = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            Row row = Row.Random(cases);
            int mantissa = cases.Mantissa(outsidePercent: 5);
            int shift = cases.Chance(5) ? cases.Int(-40, 40) : cases.Shift(0, 30);
            uint dither = cases.UInt();
            int error = cases.Chance(5) ? cases.Int32() : row.Error;
            int[] expectedError = cases.Int32s(row.Count + 1);
            int[] actualError = (int[])expectedError.Clone();
            sbyte[] expected = (sbyte[])row.Weights.Clone();
            sbyte[] actual = (sbyte[])row.Weights.Clone();

            int expectedClamped = Managed.OnPacked(expected, p => RowUpdate.TinTinPropagating(p, row.Offset, error, row.Inputs, row.Count, mantissa, shift, dither, expectedError));
            int actualClamped = native.RowTinTinPropagating(actual, row.Offset, error, row.Inputs, row.Count, mantissa, shift, dither, actualError);

            string label = $"case {n}: e {error} mantissa {mantissa} shift {shift}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, managed {expectedClamped}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": weights differ");
            Assert.True(expectedError.AsSpan().SequenceEqual(actualError), label + ": input errors differ");
            clamped += expectedClamped;
        }

        Assert.True(clamped > 100, $"the cases must clamp (clamped {clamped})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void NitiMatchesTheManagedRowWithAndWithoutTheError(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(103);
        long clamped = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            Row row = Row.Random(cases);
            int shift = cases.Chance(5) ? cases.Int(-40, 40) : cases.Shift(0, 30);
            int error = cases.Chance(5) ? cases.Int32() : row.Error;
            bool propagate = cases.Chance(50);
            int[]? expectedError = propagate ? cases.Int32s(row.Count + 1) : null;
            int[]? actualError = (int[]?)expectedError?.Clone();
            sbyte[] expected = (sbyte[])row.Weights.Clone();
            sbyte[] actual = (sbyte[])row.Weights.Clone();

            int expectedClamped = propagate
                ? Managed.OnPacked(expected, p => RowUpdate.NitiPropagating(p, row.Offset, error, row.Inputs, row.Count, shift, expectedError))
                : Managed.OnPacked(expected, p => RowUpdate.Niti(p, row.Offset, error, row.Inputs, row.Count, shift));
            int actualClamped = native.RowNiti(actual, row.Offset, error, row.Inputs, row.Count, shift, actualError);

            string label = $"case {n}: e {error} shift {shift} propagate {propagate}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, managed {expectedClamped}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": weights differ");
            if (propagate)
            {
                Assert.True(expectedError.AsSpan().SequenceEqual(actualError), label + ": input errors differ");
            }

            clamped += expectedClamped;
        }

        Assert.True(clamped > 100, $"the cases must clamp (clamped {clamped})");
    }

    /// <summary>One row of a weight matrix: weights around it, the input, the error.</summary>
    private sealed record Row(sbyte[] Weights, int Offset, int Error, sbyte[] Inputs, int Count)
    {
        public static Row Random(Cases cases)
        {
            int count = cases.Int(0, 80);
            int offset = cases.Int(0, 12);
            sbyte[] weights = cases.Int8s(offset + count + cases.Int(0, 5), zeroPercent: 5);
            sbyte[] inputs = cases.Int8s(count + cases.Int(0, 3), zeroPercent: cases.Int(0, 90));
            return new Row(weights, offset, cases.Int8(), inputs, count);
        }

        public static int Changed(sbyte[] before, sbyte[] after)
        {
            int changed = 0;
            for (int i = 0; i < before.Length; i++)
            {
                changed += before[i] != after[i] ? 1 : 0;
            }

            return changed;
        }
    }
}
