// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// Time-domain features of a window of int16-range samples, integer only, in two passes and without
    /// allocating: mean, peak, RMS, crest factor (Q16) and kurtosis (Q16). One instance is reused per window.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Mean removal:</b> every feature is taken about the integer mean m = round(Σx/n) (half away from
    /// zero), because an accelerometer's gravity and offset are DC, not vibration. d = x − m. Against the
    /// exact mean μ (|m − μ| ≤ ½) this over-estimates Σd²/n by (m − μ)² ≤ ¼ and moves the peak by ≤ ½.
    /// </para>
    /// <para>
    /// <b>Definitions:</b> <see cref="Peak"/> = max|d|; <see cref="Rms"/> = ⌊√(Σd²/n)⌋ exactly;
    /// <see cref="CrestFactorQ16"/> = ⌊2^16·peak/√(Σd²/n)⌋ (to within 1 unit; a square wave gives exactly
    /// 65536); <see cref="KurtosisQ16"/> = ⌊2^16·n·Σd⁴/(Σd²)²⌋ (m4/m2², 3.0 = 196608 for a Gaussian).
    /// A constant window (Σd² = 0) gives 0 for RMS, crest factor and kurtosis.
    /// </para>
    /// <para>
    /// <b>Bounds</b> for n ≤ 4096 = 2^12 samples of int16: |Σx| ≤ 2^27 (int); |d| ≤ 65535 so d² &lt; 2^32 and
    /// Σd² &lt; 2^44 (long). d⁴ would reach 2^64, so the fourth moment sums p = ⌊d²/2^s⌋ with the smallest
    /// s ≥ 0 that makes peak²/2^s &lt; 2^22 (s ≤ 10): p² &lt; 2^44, Σp² &lt; 2^56. The quotient uses T = round(Σd²/2^s)
    /// &lt; 2^34 and is split as ((n·2^16·q + ⌊n·2^16·r/T⌋)/T) with Σp² = q·T + r, where q &lt; 2^22 and r &lt; T:
    /// every product stays below 2^62.
    /// </para>
    /// <para>
    /// <b>Accuracy</b> (against the same formulas in exact arithmetic about m): RMS exact; crest factor within
    /// 1 unit of Q16 (Σd² is scaled below 2^31 before the Q32 division, a relative error ≤ 2^-30); kurtosis exact
    /// (floor) when s = 0, otherwise within a relative 2·crest²·2^-21 (the truncated p values) + 2^-20 (T rounded),
    /// plus one Q16 unit.
    /// </para>
    /// </remarks>
    public sealed class TimeFeatures
    {
        /// <summary>The largest window the overflow bounds cover: 4096 samples.</summary>
        public const int MaxCount = 4096;

        /// <summary>1.0 in Q16: 65536.</summary>
        public const int OneQ16 = 1 << 16;

        // p = d² >> s stays below 2^22 (see the class remarks).
        private const int FourthMomentBits = 22;

        private int _count;
        private int _mean;
        private int _peak;
        private int _rms;
        private int _crestFactorQ16;
        private int _kurtosisQ16;
        private long _sumOfSquares;

        /// <summary>Gets the number of samples of the last <see cref="Compute"/>.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Gets the integer mean m = round(Σx/n), the offset removed before the other features.</summary>
        public int Mean
        {
            get { return _mean; }
        }

        /// <summary>Gets the peak max|x − m|.</summary>
        public int Peak
        {
            get { return _peak; }
        }

        /// <summary>Gets the RMS ⌊√(Σ(x − m)²/n)⌋.</summary>
        public int Rms
        {
            get { return _rms; }
        }

        /// <summary>Gets Σ(x − m)², exact.</summary>
        public long SumOfSquares
        {
            get { return _sumOfSquares; }
        }

        /// <summary>Gets the crest factor peak/RMS in Q16 (65536 = 1.0), computed from Σ(x − m)² rather than the rounded <see cref="Rms"/>.</summary>
        public int CrestFactorQ16
        {
            get { return _crestFactorQ16; }
        }

        /// <summary>Gets the kurtosis m4/m2² in Q16 (196608 = 3.0, a Gaussian).</summary>
        public int KurtosisQ16
        {
            get { return _kurtosisQ16; }
        }

        /// <summary>
        /// Computes the features of samples[offset + i·stride], i = 0..count − 1.
        /// </summary>
        /// <param name="samples">The samples, int16 range.</param>
        /// <param name="offset">The index of the first sample.</param>
        /// <param name="stride">The distance between consecutive samples, at least 1 (3 reads one axis of interleaved X Y Z).</param>
        /// <param name="count">The number of samples, 1 to <see cref="MaxCount"/>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The count, offset or stride is out of range, or the samples do not fit the array.</exception>
        public void Compute(int[] samples, int offset, int stride, int count)
        {
            if (count < 1 || count > MaxCount)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            WindowFunction.CheckStrided(samples, offset, stride, count);
            int end = offset + ((count - 1) * stride) + 1;

            // Pass 1: sum, minimum, maximum.
            int sum = 0;
            int min = samples[offset];
            int max = min;
            for (int i = offset; i < end; i += stride)
            {
                int x = samples[i];
                sum += x;
                if (x < min)
                {
                    min = x;
                }

                if (x > max)
                {
                    max = x;
                }
            }

            int half = count >> 1;
            int mean = sum >= 0 ? (sum + half) / count : -((-sum + half) / count);
            int peak = max - mean;
            if (mean - min > peak)
            {
                peak = mean - min;
            }

            long peakSquared = (long)peak * peak;
            int shift = 0;
            while ((peakSquared >> shift) >= (1L << FourthMomentBits))
            {
                shift++;
            }

            // Pass 2: Σd² exact and Σp², p = d² >> shift.
            long sumSquares = 0;
            long sumFourth = 0;
            for (int i = offset; i < end; i += stride)
            {
                long d = samples[i] - mean;
                long d2 = d * d;
                sumSquares += d2;
                long p = d2 >> shift;
                sumFourth += p * p;
            }

            _count = count;
            _mean = mean;
            _peak = peak;
            _sumOfSquares = sumSquares;
            if (sumSquares == 0)
            {
                _rms = 0;
                _crestFactorQ16 = 0;
                _kurtosisQ16 = 0;
                return;
            }

            _rms = (int)IntegerMath.SqrtFloor(sumSquares / count);
            _crestFactorQ16 = CrestFactor(peakSquared * count, sumSquares);
            _kurtosisQ16 = Kurtosis(sumFourth, sumSquares, shift, count);
        }

        /// <summary>
        /// ⌊2^16·√(a/b)⌋ for a = peak²·n ≤ 2^44 and b = Σd² ≥ peak², so a/b ≤ n.
        /// </summary>
        private static int CrestFactor(long a, long b)
        {
            // Scale both below 2^31 so the remainder can be shifted by 32 bits.
            while (b >= (1L << 31))
            {
                a >>= 1;
                b >>= 1;
            }

            long quotient = a / b;
            long remainder = a - (quotient * b);

            // (a/b) in Q32: quotient ≤ n + 1 < 2^13, so quotient·2^32 < 2^45; remainder·2^32 < 2^63.
            long ratioQ32 = (quotient << 32) + ((remainder << 32) / b);
            return (int)IntegerMath.SqrtFloor(ratioQ32);
        }

        /// <summary>
        /// ⌊2^16·n·Σp²/T²⌋ with T = round(Σd²/2^shift), split so nothing overflows (see the class remarks).
        /// </summary>
        private static int Kurtosis(long sumFourth, long sumSquares, int shift, int count)
        {
            long t = shift == 0 ? sumSquares : (sumSquares + (1L << (shift - 1))) >> shift;
            long scale = (long)count << 16;
            long quotient = sumFourth / t;
            long remainder = sumFourth - (quotient * t);
            long numerator = (scale * quotient) + ((scale * remainder) / t);
            return (int)(numerator / t);
        }
    }
}
