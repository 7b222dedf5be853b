// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// A deterministic, integer-only generator of single-axis bearing vibration in the style of the CWRU
    /// drive-end recordings: the built-in default source for demos and tests.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Signal, with A = <see cref="AmplitudeCounts"/>: shaft harmonics 1x (A/4) and 2x (A/8); for a fault,
    /// one impulse per defect period (BPFI, BPFO or 2 BSF of <see cref="Geometry"/>, see
    /// <see cref="BearingGeometry"/>) of peak 0.9 A to A (random per impulse), each ringing a structural
    /// resonance (<see cref="ResonanceHz"/>, exponential ring-down with time constant 1.5 resonance
    /// periods, applied as a per-sample Q15 multiplier); inner-race impulses are amplitude modulated at the
    /// shaft rate and ball impulses at the cage rate (both by 0.8 + 0.2 sin, i.e. 0.6 to 1.0); outer-race
    /// impulses are not modulated (the defect stays in the load zone); plus uniform noise of +-A/32.
    /// Output saturates to the int16 range like a 16-bit sensor. One count is 1 milli-g.
    /// </para>
    /// <para>
    /// Integer only: 32-bit phase accumulators (frequency error below 1e-6 relative from truncating the
    /// increment, plus below 2e-5 from the Q16 defect multipliers); a 1024-entry Q15 sine table generated
    /// at start-up by an integer Taylor series (table error at most 0.5 count of 32767; indexing with the
    /// top 10 phase bits adds at most 2 pi / 1024, about 0.6 % of the amplitude); an own xorshift32
    /// noise generator. The same seed gives the same stream on every platform and for any burst sizes.
    /// </para>
    /// <para>
    /// Not paced by a clock: <see cref="TryRead"/> always delivers the samples asked for.
    /// </para>
    /// </remarks>
    public sealed class SyntheticBearingSource : ISampleSource
    {
        /// <summary>The default sample rate, 12 kHz (the CWRU drive-end recordings).</summary>
        public const int DefaultSampleRateHz = 12000;

        /// <summary>The default shaft speed, 1797 rpm (CWRU, 0 hp load).</summary>
        public const int DefaultShaftRpm = 1797;

        /// <summary>The default impulse amplitude in counts (2 g at 1 milli-g per count).</summary>
        public const int DefaultAmplitudeCounts = 2000;

        /// <summary>The default structural resonance, 3 kHz.</summary>
        public const int DefaultResonanceHz = 3000;

        private const int TableBits = 10;
        private const int TableShift = 32 - TableBits;
        private const uint ZeroSeedReplacement = 0x6D2B79F5;

        // Shared by all instances: built once from the features' integer cosine table, never modified.
        private static readonly int[] s_sine = BuildSineTable();

        private readonly FaultKind _fault;
        private readonly BearingGeometry _geometry;
        private readonly int _sampleRateHz;
        private readonly int _shaftRpm;
        private readonly int _amplitude;
        private readonly int _resonanceHz;
        private readonly uint _shaftIncrement;
        private readonly uint _cageIncrement;
        private readonly uint _defectIncrement;
        private readonly uint _resonanceIncrement;
        private readonly int _decayQ15;

        private uint _rng;
        private uint _shaftPhase;
        private uint _cagePhase;
        private uint _defectPhase;
        private uint _resonancePhase;
        private int _envelope;
        private long _samplesGenerated;

        /// <summary>
        /// Initializes a new instance of the <see cref="SyntheticBearingSource"/> class with the CWRU
        /// defaults: SKF 6205 bearing, 12 kHz, 1797 rpm, 2000-count impulses, 3 kHz resonance.
        /// </summary>
        /// <param name="fault">The bearing condition.</param>
        /// <param name="seed">The seed of the noise and of the initial phases.</param>
        public SyntheticBearingSource(FaultKind fault, int seed)
            : this(fault, seed, DefaultSampleRateHz, DefaultShaftRpm, DefaultAmplitudeCounts, DefaultResonanceHz, BearingGeometry.Skf6205)
        {
        }

        /// <summary>
        /// Initializes a new instance of the <see cref="SyntheticBearingSource"/> class.
        /// </summary>
        /// <param name="fault">The bearing condition.</param>
        /// <param name="seed">The seed of the noise and of the initial phases.</param>
        /// <param name="sampleRateHz">The sample rate, 100 to 1 000 000 Hz.</param>
        /// <param name="shaftRpm">The shaft speed, 1 to 100 000 rpm; the defect frequency must stay below half the sample rate.</param>
        /// <param name="amplitudeCounts">The impulse amplitude A in counts, 32 to 32767 (peaks above about 23 000 saturate).</param>
        /// <param name="resonanceHz">The structural resonance, 1 Hz to below half the sample rate.</param>
        /// <param name="geometry">The bearing.</param>
        /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
        public SyntheticBearingSource(FaultKind fault, int seed, int sampleRateHz, int shaftRpm, int amplitudeCounts, int resonanceHz, BearingGeometry geometry)
        {
            if (geometry == null)
            {
                throw new ArgumentNullException(nameof(geometry));
            }

            if (fault < FaultKind.Healthy || fault > FaultKind.Ball)
            {
                throw new ArgumentOutOfRangeException(nameof(fault));
            }

            if (sampleRateHz < 100 || sampleRateHz > 1000000)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRateHz));
            }

            if (shaftRpm < 1 || shaftRpm > 100000)
            {
                throw new ArgumentOutOfRangeException(nameof(shaftRpm));
            }

            if (amplitudeCounts < 32 || amplitudeCounts > 32767)
            {
                throw new ArgumentOutOfRangeException(nameof(amplitudeCounts));
            }

            if (resonanceHz < 1 || resonanceHz >= sampleRateHz / 2)
            {
                throw new ArgumentOutOfRangeException(nameof(resonanceHz));
            }

            _fault = fault;
            _geometry = geometry;
            _sampleRateHz = sampleRateHz;
            _shaftRpm = shaftRpm;
            _amplitude = amplitudeCounts;
            _resonanceHz = resonanceHz;

            // Phase increment per sample = f / fs * 2^32, with f = multiplier (Q16) * rpm / 60.
            long perMinute = 60L * sampleRateHz;
            _shaftIncrement = (uint)((((long)shaftRpm) << 32) / perMinute);
            _cageIncrement = CheckedIncrement(((long)geometry.FtfQ16 * shaftRpm) << 16, perMinute);
            _defectIncrement = CheckedIncrement(((long)geometry.DefectMultiplierQ16(fault) * shaftRpm) << 16, perMinute);
            _resonanceIncrement = (uint)((((long)resonanceHz) << 32) / sampleRateHz);

            // Ring-down per sample = exp(-1 / (tau fs)) with tau = 1.5 / resonance: x = 2 f_r / (3 fs) < 1/3.
            long xQ30 = (((long)resonanceHz) << 31) / (3L * sampleRateHz);
            _decayQ15 = (int)((FixedPointMath.ExpNegQ30(xQ30) + (1L << 14)) >> 15);

            _rng = (uint)seed;
            if (_rng == 0)
            {
                _rng = ZeroSeedReplacement;
            }

            // Seed-dependent start phases, so different seeds are different recordings, not just different noise.
            _shaftPhase = NextRandom();
            _cagePhase = NextRandom();
            _defectPhase = NextRandom();
        }

        /// <summary>Gets the bearing condition generated.</summary>
        public FaultKind Fault
        {
            get { return _fault; }
        }

        /// <summary>Gets the bearing geometry.</summary>
        public BearingGeometry Geometry
        {
            get { return _geometry; }
        }

        /// <summary>Gets the shaft speed in rpm.</summary>
        public int ShaftRpm
        {
            get { return _shaftRpm; }
        }

        /// <summary>Gets the impulse amplitude A in counts.</summary>
        public int AmplitudeCounts
        {
            get { return _amplitude; }
        }

        /// <summary>Gets the structural resonance in hertz.</summary>
        public int ResonanceHz
        {
            get { return _resonanceHz; }
        }

        /// <summary>Gets the per-sample ring-down multiplier of the resonance, Q15.</summary>
        public int ResonanceDecayQ15
        {
            get { return _decayQ15; }
        }

        /// <summary>
        /// Gets the impulse rate of the fault in milli-hertz (BPFI, BPFO or 2 BSF at the shaft speed); 0 when healthy.
        /// </summary>
        public int DefectFrequencyMilliHz
        {
            get { return (int)(((long)_geometry.DefectMultiplierQ16(_fault) * _shaftRpm * 1000) / (60L << 16)); }
        }

        /// <summary>Gets the number of samples generated so far.</summary>
        public long SamplesGenerated
        {
            get { return _samplesGenerated; }
        }

        /// <inheritdoc/>
        public int SampleRateHz
        {
            get { return _sampleRateHz; }
        }

        /// <inheritdoc/>
        public int Axes
        {
            get { return 1; }
        }

        /// <summary>Gets the scale numerator: one count is 1000 micro-g (1 milli-g).</summary>
        public int MicroGPerCountNumerator
        {
            get { return 1000; }
        }

        /// <summary>Gets the scale denominator, 1.</summary>
        public int MicroGPerCountDenominator
        {
            get { return 1; }
        }

        /// <summary>Gets the overrun events: always 0, a generator cannot fall behind.</summary>
        public int Overruns
        {
            get { return 0; }
        }

        /// <summary>Gets the failed reads: always 0.</summary>
        public int Errors
        {
            get { return 0; }
        }

        /// <summary>
        /// Generates <paramref name="maxSamples"/> samples into <paramref name="destination"/>.
        /// </summary>
        /// <param name="destination">The array that receives the samples.</param>
        /// <param name="offset">The index of the first sample.</param>
        /// <param name="maxSamples">The number of samples to generate, 0 or more.</param>
        /// <param name="samplesRead">Always <paramref name="maxSamples"/>.</param>
        /// <returns>Always <c>true</c>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit <paramref name="destination"/>.</exception>
        public bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (maxSamples < 0 || maxSamples > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSamples));
            }

            if (offset < 0 || offset > destination.Length - maxSamples)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            Generate(destination, offset, maxSamples);
            samplesRead = maxSamples;
            return true;
        }

        private static uint CheckedIncrement(long frequencyTimes60Q32, long perMinute)
        {
            // Below 2^31 means below half the sample rate.
            long increment = frequencyTimes60Q32 / perMinute;
            if (increment >= (1L << 31))
            {
                throw new ArgumentOutOfRangeException("shaftRpm", "a bearing frequency reaches half the sample rate");
            }

            return (uint)increment;
        }

        private uint NextRandom()
        {
            uint x = _rng;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _rng = x;
            return x;
        }

        // sin(2 pi i / 2^TableBits) in Q15 (32768 = 1.0), copied once into an array so the sample loop reads it without a call.
        private static int[] BuildSineTable()
        {
            var cosines = new TinTin.Sensors.Features.CosineTable(1 << TableBits);
            int[] table = new int[1 << TableBits];
            for (int i = 0; i < table.Length; i++)
            {
                table[i] = cosines.SineQ15(i);
            }

            return table;
        }

        // The per-sample loop: everything in locals, no calls (mcu-cost.md).
        private void Generate(int[] destination, int offset, int count)
        {
            int[] sine = s_sine;
            int amplitude = _amplitude;
            int harmonic1 = amplitude / 4;
            int harmonic2 = amplitude / 8;
            int noiseAmplitude = amplitude / 32;
            int decay = _decayQ15;
            bool faulty = _fault != FaultKind.Healthy;
            bool shaftModulated = _fault == FaultKind.InnerRace;
            bool cageModulated = _fault == FaultKind.Ball;
            uint shaftIncrement = _shaftIncrement;
            uint cageIncrement = _cageIncrement;
            uint defectIncrement = _defectIncrement;
            uint resonanceIncrement = _resonanceIncrement;
            uint rng = _rng;
            uint shaftPhase = _shaftPhase;
            uint cagePhase = _cagePhase;
            uint defectPhase = _defectPhase;
            uint resonancePhase = _resonancePhase;
            int envelope = _envelope;

            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                int value = ((sine[shaftPhase >> TableShift] * harmonic1) >> 15)
                    + ((sine[(shaftPhase << 1) >> TableShift] * harmonic2) >> 15);

                if (faulty)
                {
                    uint previous = defectPhase;
                    defectPhase += defectIncrement;
                    if (defectPhase < previous)
                    {
                        // The defect phase wrapped: a ball meets the spall. Start a new ring-down.
                        rng ^= rng << 13;
                        rng ^= rng >> 17;
                        rng ^= rng << 5;
                        int peak = (amplitude * (29491 + (int)((rng >> 16) % 3277u))) >> 15;
                        if (shaftModulated)
                        {
                            peak = (peak * (26214 + (sine[shaftPhase >> TableShift] / 5))) >> 15;
                        }
                        else if (cageModulated)
                        {
                            peak = (peak * (26214 + (sine[cagePhase >> TableShift] / 5))) >> 15;
                        }

                        envelope = peak;
                        resonancePhase = 0;
                    }

                    if (envelope != 0)
                    {
                        value += (sine[resonancePhase >> TableShift] * envelope) >> 15;
                        resonancePhase += resonanceIncrement;
                        envelope = (envelope * decay) >> 15;
                    }

                    cagePhase += cageIncrement;
                }

                rng ^= rng << 13;
                rng ^= rng >> 17;
                rng ^= rng << 5;
                // (int)(long): a uint-to-int cast emits no IL, and on nanoCLR "(int)(rng >> 16) - 32768" kept
                // the uint's unsigned tag, so the >> 15 of a negative noise term was logical (huge values).
                value += (((int)(long)(rng >> 16) - 32768) * noiseAmplitude) >> 15;

                if (value > short.MaxValue)
                {
                    value = short.MaxValue;
                }
                else if (value < short.MinValue)
                {
                    value = short.MinValue;
                }

                destination[i] = value;
                shaftPhase += shaftIncrement;
            }

            _rng = rng;
            _shaftPhase = shaftPhase;
            _cagePhase = cagePhase;
            _defectPhase = defectPhase;
            _resonancePhase = resonancePhase;
            _envelope = envelope;
            _samplesGenerated += count;
        }
    }
}
