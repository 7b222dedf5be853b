// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Training;

namespace NFUnitTest
{
    // The row kernels work on weights stored eight to a long (PackedDense). The tests keep their int8
    // arrays: each call packs the whole array, runs the kernel on the packed copy and unpacks every
    // byte back, so a kernel that touched a weight outside its row would show in the comparison.
    internal static class PackedRows
    {
        public static long[] Pack(sbyte[] weights)
        {
            long[] packed = new long[PackedDense.Longs(weights.Length)];
            PackedDense.Pack(weights, 0, packed, 0, weights.Length);
            return packed;
        }

        public static void Unpack(long[] packed, sbyte[] weights)
        {
            PackedDense.Unpack(packed, 0, weights, 0, weights.Length);
            for (int i = weights.Length; i < 8 * packed.Length; i++)
            {
                if (PackedDense.Get(packed, i) != 0)
                {
                    throw new System.Exception("a kernel wrote past the last weight, at byte " + i.ToString());
                }
            }
        }

        public static int TinTin(sbyte[] weights, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift, uint dither)
        {
            long[] packed = Pack(weights);
            int clamped = RowUpdate.TinTin(packed, offset, error, inputs, count, mantissa, shift, dither);
            Unpack(packed, weights);
            return clamped;
        }

        public static int TinTinPropagating(sbyte[] weights, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift, uint dither, int[] inputError)
        {
            long[] packed = Pack(weights);
            int clamped = RowUpdate.TinTinPropagating(packed, offset, error, inputs, count, mantissa, shift, dither, inputError);
            Unpack(packed, weights);
            return clamped;
        }

        public static int Niti(sbyte[] weights, int offset, int error, sbyte[] inputs, int count, int shift)
        {
            long[] packed = Pack(weights);
            int clamped = RowUpdate.Niti(packed, offset, error, inputs, count, shift);
            Unpack(packed, weights);
            return clamped;
        }

        public static int NitiPropagating(sbyte[] weights, int offset, int error, sbyte[] inputs, int count, int shift, int[] inputError)
        {
            long[] packed = Pack(weights);
            int clamped = RowUpdate.NitiPropagating(packed, offset, error, inputs, count, shift, inputError);
            Unpack(packed, weights);
            return clamped;
        }
    }
}
