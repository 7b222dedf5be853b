// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// The one-sided magnitude spectrum of a real window of N int16-range samples (windowed, integer FFT,
    /// exact integer square root) and its band energies. All buffers are allocated at construction.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Scale:</b> after <see cref="Compute(int[], int, int)"/>, bin k (0 ≤ k ≤ N/2) holds
    /// Z[k] ≈ (1/N)·Σₙ w[n]·x[n]·e^(−2πikn/N) in input units, with w the window (1.0 when none).
    /// <see cref="Magnitudes"/>[k] = ⌊|Z[k]|⌋ exactly for the integer Z[k]. A tone A·cos(2πmn/N) on bin m reads
    /// A/2 with no window and A/4 with the Hann window (coherent gain ½).
    /// </para>
    /// <para>
    /// <b>Error</b> of Z[k] against the same formula in exact arithmetic with the exact window:
    /// ≤ 1.6·log2 N (the FFT, see <see cref="IntegerFft"/>) + 0.5 (rounding the windowed samples) + 0.5
    /// (the Q15 window coefficients), and a magnitude adds &lt; 1 for the floor of the square root.
    /// </para>
    /// <para>
    /// <b>Band energy</b> = Σ (Re Z[k]² + Im Z[k]²) over a bin range, from the integer Z (no square root
    /// rounding), in input units squared. One-sided and unweighted: for a real signal the full-spectrum energy
    /// is E(0) + 2·Σ_{0&lt;k&lt;N/2} E(k) + E(N/2) = Σ(w·x)²/N (Parseval with the 1/N scale). Bound: each
    /// term ≤ 2·46,400², the sum of ≤ 2049 terms &lt; 2^43 fits <see cref="long"/>.
    /// </para>
    /// </remarks>
    public sealed class Spectrum
    {
        private readonly IntegerFft _fft;
        private readonly WindowFunction _window;
        private readonly int[] _real;
        private readonly int[] _imag;
        private readonly int[] _magnitudes;

        /// <summary>
        /// Builds a Hann-windowed spectrum of length <paramref name="length"/> (one shared cosine table).
        /// </summary>
        /// <param name="length">N: a power of two from <see cref="IntegerFft.MinLength"/> to <see cref="IntegerFft.MaxLength"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not such a power of two.</exception>
        public Spectrum(int length)
        {
            CosineTable cosine = new CosineTable(length);
            _fft = new IntegerFft(cosine);
            _window = WindowFunction.Hann(cosine);
            _real = new int[length];
            _imag = new int[length];
            _magnitudes = new int[(length >> 1) + 1];
        }

        /// <summary>
        /// Builds a spectrum over an existing transform, with a window or none.
        /// </summary>
        /// <param name="fft">The transform; its length is N.</param>
        /// <param name="window">The window, of length N, or null for none (rectangular).</param>
        /// <exception cref="ArgumentNullException"><paramref name="fft"/> is null.</exception>
        /// <exception cref="ArgumentException">The window's length differs from the transform's.</exception>
        public Spectrum(IntegerFft fft, WindowFunction window)
        {
            if (fft == null)
            {
                throw new ArgumentNullException(nameof(fft));
            }

            int length = fft.Length;
            if (window != null && window.Length != length)
            {
                throw new ArgumentException("window and fft lengths differ");
            }

            _fft = fft;
            _window = window;
            _real = new int[length];
            _imag = new int[length];
            _magnitudes = new int[(length >> 1) + 1];
        }

        /// <summary>Gets the window length N.</summary>
        public int Length
        {
            get { return _real.Length; }
        }

        /// <summary>Gets the number of one-sided bins, N/2 + 1 (bin k is k·fs/N Hz).</summary>
        public int BinCount
        {
            get { return _magnitudes.Length; }
        }

        /// <summary>
        /// Gets the magnitudes ⌊|Z[k]|⌋ of the last <see cref="Compute(int[], int, int)"/>, k = 0..N/2. The array
        /// belongs to this instance (no copy, no allocation) and is overwritten by the next computation.
        /// </summary>
        public int[] Magnitudes
        {
            get { return _magnitudes; }
        }

        /// <summary>
        /// Gets the real parts of Z[k], k = 0..N − 1, of the last computation (owned by this instance).
        /// </summary>
        public int[] Real
        {
            get { return _real; }
        }

        /// <summary>
        /// Gets the imaginary parts of Z[k], k = 0..N − 1, of the last computation (owned by this instance).
        /// </summary>
        public int[] Imaginary
        {
            get { return _imag; }
        }

        /// <summary>
        /// Computes the spectrum of N consecutive samples starting at <paramref name="offset"/>.
        /// </summary>
        /// <param name="samples">The samples, int16 range.</param>
        /// <param name="offset">The index of the first sample.</param>
        /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The N samples do not fit <paramref name="samples"/>.</exception>
        public void Compute(int[] samples, int offset)
        {
            Compute(samples, offset, 1);
        }

        /// <summary>
        /// Computes the spectrum of N samples samples[offset + n·stride], n = 0..N − 1 (stride 3 reads one
        /// axis of interleaved X Y Z samples).
        /// </summary>
        /// <param name="samples">The samples, int16 range.</param>
        /// <param name="offset">The index of the first sample.</param>
        /// <param name="stride">The distance between consecutive samples, at least 1.</param>
        /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The stride is below 1 or the N samples do not fit <paramref name="samples"/>.</exception>
        public void Compute(int[] samples, int offset, int stride)
        {
            int[] real = _real;
            int[] imag = _imag;
            int n = real.Length;
            if (_window != null)
            {
                _window.Apply(samples, offset, stride, real);
            }
            else
            {
                WindowFunction.CheckStrided(samples, offset, stride, n);
                int s = offset;
                for (int i = 0; i < n; i++)
                {
                    real[i] = samples[s];
                    s += stride;
                }
            }

            Array.Clear(imag, 0, n);
            _fft.Forward(real, imag);

            int[] magnitudes = _magnitudes;
            int bins = magnitudes.Length;
            for (int k = 0; k < bins; k++)
            {
                long re = real[k];
                long im = imag[k];
                long rest = (re * re) + (im * im);

                // ⌊√rest⌋, the loop of IntegerMath.SqrtFloor inlined (no call per bin); rest < 2^33, so the
                // first bit to try is 2^32.
                long root = 0;
                long bit = 1L << 32;
                while (bit > rest)
                {
                    bit >>= 2;
                }

                while (bit != 0)
                {
                    long trial = root + bit;
                    if (rest >= trial)
                    {
                        rest -= trial;
                        root = (root >> 1) + bit;
                    }
                    else
                    {
                        root >>= 1;
                    }

                    bit >>= 2;
                }

                magnitudes[k] = (int)root;
            }
        }

        /// <summary>
        /// Returns the energy Σ (Re Z[k]² + Im Z[k]²) of the bins <paramref name="startBin"/> ≤ k &lt; <paramref name="endBin"/>
        /// of the last computation.
        /// </summary>
        /// <param name="startBin">The first bin of the band, 0 to N/2.</param>
        /// <param name="endBin">One past the last bin, <paramref name="startBin"/> to N/2 + 1.</param>
        /// <returns>The band energy in input units squared (one-sided, see the class remarks).</returns>
        /// <exception cref="ArgumentOutOfRangeException">The range is not inside 0..N/2 + 1.</exception>
        public long BandEnergy(int startBin, int endBin)
        {
            if (startBin < 0 || startBin > _magnitudes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(startBin));
            }

            if (endBin < startBin || endBin > _magnitudes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(endBin));
            }

            int[] real = _real;
            int[] imag = _imag;
            long energy = 0;
            for (int k = startBin; k < endBin; k++)
            {
                long re = real[k];
                long im = imag[k];
                energy += (re * re) + (im * im);
            }

            return energy;
        }

        /// <summary>
        /// Computes the energies of consecutive bands: band b covers bins bandEdges[b] ≤ k &lt; bandEdges[b + 1].
        /// </summary>
        /// <param name="bandEdges">Non-decreasing bin indices in 0..N/2 + 1; B + 1 edges give B bands.</param>
        /// <param name="energies">Receives the B energies from index 0; at least B long.</param>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than two edges, too short a destination, or an edge out of order or out of range.</exception>
        public void BandEnergies(int[] bandEdges, long[] energies)
        {
            if (bandEdges == null)
            {
                throw new ArgumentNullException(nameof(bandEdges));
            }

            if (energies == null)
            {
                throw new ArgumentNullException(nameof(energies));
            }

            int bands = bandEdges.Length - 1;
            if (bands < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(bandEdges));
            }

            if (energies.Length < bands)
            {
                throw new ArgumentOutOfRangeException(nameof(energies));
            }

            for (int b = 0; b < bands; b++)
            {
                energies[b] = BandEnergy(bandEdges[b], bandEdges[b + 1]);
            }
        }
    }
}
