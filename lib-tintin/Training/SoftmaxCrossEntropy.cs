// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Numerics;
using TinTin.Scaling;

namespace TinTin.Training
{
    /// <summary>
    /// Integer softmax cross-entropy, base 2 (as NITI): the error dLoss/dLogits = softmax - onehot
    /// as int8 with an exact scale, and the loss in fixed point. No real number is computed.
    /// </summary>
    /// <remarks>
    /// <para>
    /// 1. Logits q at scale s become base-2 exponents t = q * s * log2(e) in Q10 (log2(e) as
    /// 47274 / 2^15), so <c>e^z = 2^t</c>. 2. With d = t_max - t &gt;= 0, each class gets
    /// <c>2^-d</c> in Q15: the integer part of d is a shift, the fraction a 64-entry table with
    /// linear interpolation (relative error below 2^-12). 3. Probabilities are normalised to Q14;
    /// the error is <c>P - 2^14 * onehot</c> at scale 2^-14, then rescaled to int8 like any tensor.
    /// </para>
    /// <para>
    /// The loss is <c>ln(sum 2^-d) + d_label * ln 2</c> computed as log2 (bit length plus a 64-entry
    /// table) times ln 2, in Q16 nats: 65536 means a loss of 1.0 nat. It stays finite however
    /// wrong the prediction.
    /// </para>
    /// </remarks>
    internal static class SoftmaxCrossEntropy
    {
        /// <summary>Fraction bits of the base-2 exponents.</summary>
        public const int ExponentFractionBits = 10;

        /// <summary>Fraction bits of the normalised probabilities (and of the error before rescaling).</summary>
        public const int ProbabilityBits = 14;

        /// <summary>Fraction bits of the returned loss (nats).</summary>
        public const int LossFractionBits = 16;

        private const int Log2EQ15 = 47274;
        private const int Ln2Q16 = 45426;

        // 2^(-j/64) in Q15, j = 0..64.
        private static readonly int[] s_exp2 = new int[]
        {
            32768, 32415, 32066, 31720, 31379, 31041, 30706, 30376, 30048, 29725, 29405, 29088, 28774, 28464, 28158, 27855,
            27554, 27258, 26964, 26674, 26386, 26102, 25821, 25543, 25268, 24995, 24726, 24460, 24196, 23936, 23678, 23423,
            23170, 22921, 22674, 22430, 22188, 21949, 21713, 21479, 21247, 21019, 20792, 20568, 20347, 20127, 19911, 19696,
            19484, 19274, 19066, 18861, 18658, 18457, 18258, 18061, 17867, 17674, 17484, 17296, 17109, 16925, 16743, 16562,
            16384,
        };

        // log2(1 + j/64) in Q16, j = 0..64.
        private static readonly int[] s_log2 = new int[]
        {
            0, 1466, 2909, 4331, 5732, 7112, 8473, 9814, 11136, 12440, 13727, 14996, 16248, 17484, 18704, 19909,
            21098, 22272, 23433, 24579, 25711, 26830, 27936, 29029, 30109, 31178, 32234, 33279, 34312, 35334, 36346, 37346,
            38336, 39316, 40286, 41246, 42196, 43137, 44068, 44990, 45904, 46809, 47705, 48593, 49472, 50344, 51207, 52063,
            52911, 53751, 54584, 55410, 56229, 57040, 57845, 58643, 59434, 60219, 60997, 61769, 62534, 63294, 64047, 64794,
            65536,
        };

        /// <summary>
        /// Computes the error and the loss of one sample.
        /// </summary>
        /// <param name="logits">The model output (one value per class).</param>
        /// <param name="label">The true class.</param>
        /// <param name="error">Receives softmax - onehot as int8, with its scale and largest magnitude.</param>
        /// <param name="scratch">At least as many ints as classes.</param>
        /// <param name="compound">Whether the error may be rescaled with non-power-of-two factors (Tin-Tin mode).</param>
        /// <returns>The loss in Q16 nats.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The label is not a class.</exception>
        public static int Compute(Tensor8 logits, int label, Tensor8 error, int[] scratch, bool compound)
        {
            int classes = logits.Length;
            if (label < 0 || label >= classes)
            {
                throw new ArgumentOutOfRangeException(nameof(label));
            }

            // 1. base-2 exponents in Q10: t = q * s * log2(e) * 2^10, via one 64-bit multiplier.
            int shift;
            long factor = ExponentFactor(logits.Scale, out shift);
            sbyte[] q = logits.Data;
            int maxIndex = 0;
            for (int i = 1; i < classes; i++)
            {
                if (q[i] > q[maxIndex])
                {
                    maxIndex = i;
                }
            }

            // 2. d = (q_max - q) * factor >= 0 and 2^-d in Q15; the sum fits: at most classes * 2^15.
            int qMax = q[maxIndex];
            long sum = 0;
            int dLabel = 0;
            for (int i = 0; i < classes; i++)
            {
                int d = ShiftClamp((qMax - q[i]) * factor, shift);
                if (i == label)
                {
                    dLabel = d;
                }

                int p = Exp2Negative(d);
                scratch[i] = p;
                sum += p;
            }

            // 3. P = p * 2^14 / sum; error = P - onehot * 2^14 (scale 2^-14).
            int maxError = 0;
            for (int i = 0; i < classes; i++)
            {
                int probability = (int)(((long)scratch[i] << ProbabilityBits) / sum);
                int e = i == label ? probability - (1 << ProbabilityBits) : probability;
                scratch[i] = e;
                int a = e < 0 ? -e : e;
                if (a > maxError)
                {
                    maxError = a;
                }
            }

            RescaleStep step = default(RescaleStep);
            Requantizer.Choose(maxError, compound, ref step);
            Requantizer.Apply(scratch, 0, error.Data, 0, classes, step);
            error.Length = classes;
            error.Scale = Requantizer.OutputScale(Scale.PowerOfTwo(-ProbabilityBits), step);
            error.MaxAbs = step.ResultMaxAbs;

            // loss = (log2(sum / 2^15) + d_label / 2^10) * ln 2, in Q16.
            long bits = Log2Q16(sum) - (15L << LossFractionBits) + ((long)dLabel << (LossFractionBits - ExponentFractionBits));
            return (int)((bits * Ln2Q16) >> LossFractionBits);
        }

        /// <summary>
        /// The softmax probability of the largest logit, in per-mille: how sure the model is of its
        /// prediction, computed with the same integer exponentials as <see cref="Compute"/>.
        /// </summary>
        /// <param name="logits">The model output (one value per class).</param>
        /// <returns>A value in [1000 / classes, 1000].</returns>
        public static int ConfidencePerMille(Tensor8 logits)
        {
            int shift;
            long factor = ExponentFactor(logits.Scale, out shift);
            sbyte[] q = logits.Data;
            int qMax = q[ArgMax(logits)];
            long sum = 0;
            for (int i = 0; i < logits.Length; i++)
            {
                sum += Exp2Negative(ShiftClamp((qMax - q[i]) * factor, shift));
            }

            // The largest logit's own term is 2^0 = 32768 in Q15.
            return (int)((Exp2Negative(0) * 1000L + (sum >> 1)) / sum);
        }

        /// <summary>The index of the largest logit (the first on ties).</summary>
        /// <param name="logits">The logits.</param>
        /// <returns>The predicted class.</returns>
        public static int ArgMax(Tensor8 logits)
        {
            sbyte[] q = logits.Data;
            int best = 0;
            for (int i = 1; i < logits.Length; i++)
            {
                if (q[i] > q[best])
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>2^(-d / 2^10) in Q15 for d &gt;= 0.</summary>
        /// <param name="d">The exponent in Q10.</param>
        /// <returns>The power in Q15 (0 below 2^-15).</returns>
        public static int Exp2Negative(int d)
        {
            int whole = d >> ExponentFractionBits;
            if (whole > 15)
            {
                return 0;
            }

            int fraction = d & ((1 << ExponentFractionBits) - 1);
            int j = fraction >> 4;            // 64 table steps
            int within = fraction & 15;       // interpolate the remaining 4 bits
            int value = s_exp2[j] - (((s_exp2[j] - s_exp2[j + 1]) * within + 8) >> 4);
            return value >> whole;
        }

        /// <summary>log2(x) in Q16 for x &gt;= 1.</summary>
        /// <param name="x">The value.</param>
        /// <returns>log2(x) * 2^16.</returns>
        public static long Log2Q16(long x)
        {
            int k = -1;
            for (long v = x; v > 0; v >>= 1)
            {
                k++;
            }

            // mantissa x / 2^k in [1, 2) as 16 fraction bits
            long fraction = k >= 16 ? (x >> (k - 16)) & 0xFFFF : (x << (16 - k)) & 0xFFFF;
            int j = (int)(fraction >> 10);
            int within = (int)(fraction & 1023);
            long value = s_log2[j] + (((long)(s_log2[j + 1] - s_log2[j]) * within + 512) >> 10);
            return ((long)k << LossFractionBits) + value;
        }

        /// <summary>
        /// The logits' scale s as the exponent step of <see cref="Compute"/>: s * log2(e) * 2^10 as a
        /// 64-bit factor and a right shift, so (q_max - q) * factor &gt;&gt; shift is the base-2 exponent
        /// difference in Q10 (the <c>factor</c> and <c>shift</c> arguments of the native tt_softmax_xent).
        /// </summary>
        /// <param name="logitScale">The logits' scale.</param>
        /// <param name="shift">Receives the right shift.</param>
        /// <returns>The factor.</returns>
        public static long ExponentFactor(Scale logitScale, out int shift)
        {
            FixedMultiplier m = FixedMultiplier.FromPowers(logitScale.Pow2 + ExponentFractionBits, logitScale.Pow3);
            shift = m.RightShift + 15;
            return (long)m.Mantissa * Log2EQ15;
        }

        private static int ShiftClamp(long value, int shift)
        {
            long r = shift >= 0 ? (shift > 62 ? 0 : (value + (shift > 0 ? 1L << (shift - 1) : 0)) >> shift) : value << (-shift > 30 ? 30 : -shift);
            return r > (31 << ExponentFractionBits) ? (31 << ExponentFractionBits) : (int)r;
        }
    }
}
