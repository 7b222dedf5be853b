// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Numerics;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>
    /// What Dense and the convolutions share: int8 weights with a compound scale, optional int32
    /// biases, initialisation, the update multipliers of both modes, mini-batch accumulators, and
    /// weight-tensor rescaling when updates saturate or the weights stop using their int8 range.
    /// </summary>
    internal abstract class WeightedLayer : Layer
    {
        /// <summary>Fraction bits of the mini-batch gradient accumulators (in units of one weight step).</summary>
        public const int AccumulatorFractionBits = 10;

        /// <summary>The fixed scale of the int32 biases: 2^-20 (range ±2048, resolution 1e-6).</summary>
        public static readonly Scale BiasScaleDefault = Scale.PowerOfTwo(-20);

        private const int MaxBiasContribution = 1 << 30;

        private readonly sbyte[] _weights;
        private readonly long[] _packedWeights;
        private readonly int[] _biases;
        private readonly int[] _accumulators;
        private readonly int[] _biasAccumulators;
        private int _updatesSinceCheck;

        /// <summary>Creates the parameters of a described layer.</summary>
        /// <param name="spec">The layer description.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        protected WeightedLayer(LayerSpec spec, bool batched)
            : base(spec)
        {
            if (spec.Kind == LayerKind.Dense)
            {
                _packedWeights = new long[PackedDense.Longs(spec.WeightCount)];
            }
            else
            {
                _weights = new sbyte[spec.WeightCount];
            }

            _biases = spec.BiasCount > 0 ? new int[spec.BiasCount] : null;
            _accumulators = batched ? new int[spec.WeightCount] : null;
            _biasAccumulators = batched && spec.BiasCount > 0 ? new int[spec.BiasCount] : null;
            BiasScale = BiasScaleDefault;
        }

        /// <summary>Gets a convolution's int8 weights (layout per layer type); null for Dense, which packs them (<see cref="PackedWeights"/>).</summary>
        public sbyte[] Weights
        {
            get { return _weights; }
        }

        /// <summary>Gets a Dense layer's weights, eight to a long (<see cref="PackedDense"/>); null for a convolution.</summary>
        public long[] PackedWeights
        {
            get { return _packedWeights; }
        }

        /// <summary>Gets the number of weights.</summary>
        public int WeightCount
        {
            get { return Spec.WeightCount; }
        }

        /// <summary>Gets the bytes the weights take: one per weight, or whole longs for Dense.</summary>
        public int WeightStorageBytes
        {
            get { return _weights != null ? _weights.Length : 8 * _packedWeights.Length; }
        }

        /// <summary>One weight, whatever the storage.</summary>
        /// <param name="index">The weight's index in the layer's layout.</param>
        /// <returns>The int8 weight.</returns>
        public int GetWeight(int index)
        {
            CheckWeightIndex(index);
            return _weights != null ? _weights[index] : PackedDense.Get(_packedWeights, index);
        }

        /// <summary>Sets one weight, whatever the storage.</summary>
        /// <param name="index">The weight's index in the layer's layout.</param>
        /// <param name="value">The weight, -128..127.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">The index or the value is out of range.</exception>
        public void SetWeight(int index, int value)
        {
            CheckWeightIndex(index);
            if (value < -128 || value > 127)
            {
                throw new System.ArgumentOutOfRangeException(nameof(value));
            }

            if (_weights != null)
            {
                _weights[index] = (sbyte)value;
            }
            else
            {
                PackedDense.Set(_packedWeights, index, value);
            }
        }

        /// <summary>Every weight in a new int8 array (tools and tests; allocates).</summary>
        /// <returns>The weights in the layer's layout.</returns>
        public sbyte[] CopyWeights()
        {
            sbyte[] copy = new sbyte[WeightCount];
            CopyWeightsTo(copy);
            return copy;
        }

        /// <summary>Copies every weight into an int8 array (tools, tests, the model file).</summary>
        /// <param name="destination">At least <see cref="WeightCount"/> long.</param>
        /// <exception cref="System.ArgumentException">The array is null or too short.</exception>
        public void CopyWeightsTo(sbyte[] destination)
        {
            CheckWeightArray(destination);
            if (_weights != null)
            {
                System.Array.Copy(_weights, destination, _weights.Length);
            }
            else
            {
                PackedDense.Unpack(_packedWeights, 0, destination, 0, WeightCount);
            }
        }

        /// <summary>Sets every weight from an int8 array.</summary>
        /// <param name="source">At least <see cref="WeightCount"/> long.</param>
        /// <exception cref="System.ArgumentException">The array is null or too short.</exception>
        public void SetWeights(sbyte[] source)
        {
            CheckWeightArray(source);
            if (_weights != null)
            {
                System.Array.Copy(source, _weights, _weights.Length);
            }
            else
            {
                PackedDense.Pack(source, 0, _packedWeights, 0, WeightCount);
            }
        }

        /// <summary>Gets the int32 biases, or null.</summary>
        public int[] Biases
        {
            get { return _biases; }
        }

        /// <summary>Gets the mini-batch gradient accumulators, or null with batch size 1.</summary>
        public int[] Accumulators
        {
            get { return _accumulators; }
        }

        /// <summary>Gets the mini-batch bias gradient accumulators, or null.</summary>
        public int[] BiasAccumulators
        {
            get { return _biasAccumulators; }
        }

        /// <summary>
        /// Gets or sets the updates since the last weight-range check (see <see cref="AfterUpdate"/>):
        /// training state, for the model file.
        /// </summary>
        public int UpdatesSinceCheck
        {
            get { return _updatesSinceCheck; }
            set { _updatesSinceCheck = value; }
        }

        /// <summary>The scale of the weights.</summary>
        public Scale WeightScale;

        /// <summary>The scale of the biases.</summary>
        public Scale BiasScale;

        /// <summary>Gets the number of inputs each output sums over (initialisation and overflow bounds).</summary>
        public int FanIn
        {
            get { return (int)OverflowBounds.FanIn(Spec); }
        }

        /// <summary>
        /// Fills the weights uniformly, Kaiming-like (real bound about sqrt(6 / fan-in)): with initial
        /// upscaling they fill [-127, 127] and the exponent carries the real scale; without it they
        /// are NITI's small integers in [-15, 15] at an 8x coarser scale. Biases start at 0.
        /// </summary>
        /// <param name="random">The PRNG.</param>
        /// <param name="upscale">Whether to use the whole int8 range.</param>
        public void Initialize(Xorshift32 random, bool upscale)
        {
            int k = KaimingExponent(FanIn);
            int limit = upscale ? 127 : 15;
            WeightScale = Scale.PowerOfTwo(upscale ? -k : 3 - k);
            int count = WeightCount;
            for (int i = 0; i < count; i++)
            {
                int value = random.NextInt(2 * limit + 1) - limit;
                if (_weights != null)
                {
                    _weights[i] = (sbyte)value;
                }
                else
                {
                    PackedDense.Set(_packedWeights, i, value);
                }
            }

            if (_biases != null)
            {
                System.Array.Clear(_biases, 0, _biases.Length);
            }
        }

        /// <summary>
        /// The k for which 127 * 2^-k is closest (geometrically) to sqrt(6 / fanIn), found with
        /// integers only: 127^2 * 4^-k ~ 6 / fanIn, i.e. 4^k ~ 127^2 * fanIn / 6.
        /// </summary>
        /// <param name="fanIn">The fan-in.</param>
        /// <returns>k.</returns>
        public static int KaimingExponent(int fanIn)
        {
            long target = 16129L * fanIn;
            int k = 0;
            // 6 * 4^k <= target < 6 * 4^(k+1): pick k+1 when target is above the geometric mean 6 * 2^(2k+1).
            while (6L << (2 * (k + 1)) <= target)
            {
                k++;
            }

            if (target >= (6L << (2 * k + 1)))
            {
                k++;
            }

            return k;
        }

        /// <summary>
        /// Rescales <paramref name="count"/> accumulators into <paramref name="result"/>: finds the
        /// largest magnitude, chooses the factor (compound in Tin-Tin mode, a power of two in NITI
        /// mode) and applies it, setting the result's scale and largest magnitude.
        /// </summary>
        /// <param name="acc">The accumulators.</param>
        /// <param name="count">How many.</param>
        /// <param name="accScale">Their scale.</param>
        /// <param name="result">The int8 result.</param>
        /// <param name="workspace">The workspace.</param>
        protected void Requantize(int[] acc, int count, Scale accScale, Tensor8 result, Workspace workspace)
        {
            Requantize(acc, count, -1, accScale, result, workspace);
        }

        /// <summary>As <see cref="Requantize(int[], int, Scale, Tensor8, Workspace)"/> when the largest magnitude is already known (saves a pass).</summary>
        /// <param name="acc">The accumulators.</param>
        /// <param name="count">How many.</param>
        /// <param name="max">Their largest magnitude, or -1 to have the kernel find it.</param>
        /// <param name="accScale">Their scale.</param>
        /// <param name="result">The int8 result.</param>
        /// <param name="workspace">The workspace.</param>
        protected void Requantize(int[] acc, int count, int max, Scale accScale, Tensor8 result, Workspace workspace)
        {
            RescaleStep step = default(RescaleStep);
            workspace.Kernels.Requantize(acc, count, max, workspace.Options.Mode == TrainingMode.TinTin, result.Data, ref step);
            result.Length = count;
            result.Scale = Requantizer.OutputScale(accScale, step);
            result.MaxAbs = step.ResultMaxAbs;
            if (step.Up + step.Down > 0)
            {
                Stats.CompoundRescales++;
            }
        }

        /// <summary>
        /// Every bias in the accumulator's scale, as <see cref="BiasContribution"/> gives it, in one
        /// flat loop (one call per layer instead of one per output).
        /// </summary>
        /// <param name="toAccumulator">The bias-to-accumulator multiplier.</param>
        /// <param name="destination">Receives one contribution per bias.</param>
        protected void ScaleBiases(FixedMultiplier toAccumulator, int[] destination)
        {
            int[] b = _biases;
            int shift = toAccumulator.RightShift;
            if (shift <= 0 || shift >= 63)
            {
                for (int c = 0; c < b.Length; c++)
                {
                    destination[c] = BiasContribution(b[c], toAccumulator);
                }

                return;
            }

            long mantissa = toAccumulator.Mantissa;
            long half = 1L << (shift - 1);
            for (int c = 0; c < b.Length; c++)
            {
                // Half away from zero with no branch, as Requantizer.Apply: for p < 0, (p + half - 1) >> shift = -((half - p) >> shift).
                long p = b[c] * mantissa;
                p = (p + half + (p >> 63)) >> shift;

                // One unsigned compare tells whether p lies outside +-MaxBiasContribution.
                if ((ulong)(p + MaxBiasContribution) > 2L * MaxBiasContribution)
                {
                    p = p > 0 ? MaxBiasContribution : -MaxBiasContribution;
                }

                destination[c] = (int)p;
            }
        }

        /// <summary>
        /// A bias converted to the accumulators' scale, clamped to ±2^30: with fan-in * 127^2 below
        /// 2^30 (checked when the model is built) the sum always fits an int32.
        /// </summary>
        /// <param name="bias">The bias.</param>
        /// <param name="toAccumulator">The multiplier from the bias scale to the accumulator scale.</param>
        /// <returns>The value to add to the accumulator.</returns>
        protected static int BiasContribution(int bias, FixedMultiplier toAccumulator)
        {
            int add = ScaleValue(bias, toAccumulator);
            return add > MaxBiasContribution ? MaxBiasContribution : (add < -MaxBiasContribution ? -MaxBiasContribution : add);
        }

        /// <summary>
        /// Rounds <c>value * m</c> to an int, half away from zero, saturating. Per channel, not per element.
        /// </summary>
        /// <param name="value">The value.</param>
        /// <param name="m">The multiplier.</param>
        /// <returns>The scaled value.</returns>
        public static int ScaleValue(int value, FixedMultiplier m)
        {
            long p = (long)value * m.Mantissa;
            int shift = m.RightShift;
            if (shift <= 0)
            {
                p = ShiftLeftSaturating(p, -shift);
            }
            else if (shift < 63)
            {
                long half = 1L << (shift - 1);
                p = p >= 0 ? (p + half) >> shift : -((half - p) >> shift);
            }
            else
            {
                p = 0;
            }

            if (p > int.MaxValue)
            {
                return int.MaxValue;
            }

            return p < -int.MaxValue ? -int.MaxValue : (int)p;
        }

        /// <summary>
        /// The fixed-point multiplier that turns a gradient at <paramref name="gradientScale"/> into
        /// weight steps: η * scale(G) / scale(W) in Tin-Tin mode, scale(G) / scale(W) in NITI mode;
        /// times 2^<see cref="AccumulatorFractionBits"/> for mini-batch accumulation.
        /// </summary>
        /// <param name="gradientScale">The gradient's scale (error scale times input scale).</param>
        /// <param name="options">The training options.</param>
        /// <param name="accumulate">Whether the result feeds the accumulators.</param>
        /// <returns>The multiplier.</returns>
        protected FixedMultiplier UpdateMultiplier(Scale gradientScale, TrainingOptions options, bool accumulate)
        {
            Scale s = Scale.Quotient(gradientScale, WeightScale);
            if (options.Mode == TrainingMode.TinTin)
            {
                s = Scale.Product(s, options.LearningRate);
            }

            if (accumulate)
            {
                s.Shift += AccumulatorFractionBits;
            }

            return FixedMultiplier.FromPowers(s.Pow2, s.Pow3);
        }

        /// <summary>
        /// Limits a multiplier to the rank-one kernel's range: shift 0..30, the mantissa shifted to
        /// match (an update below 2^-30 of a step is dropped; one above 2^15 steps is capped).
        /// </summary>
        /// <param name="m">The multiplier.</param>
        /// <param name="maxShift">The largest shift the kernel takes.</param>
        /// <returns>The limited multiplier.</returns>
        protected static FixedMultiplier LimitShift(FixedMultiplier m, int maxShift)
        {
            if (m.RightShift > maxShift)
            {
                int excess = m.RightShift - maxShift;
                m.Mantissa = excess > 30 ? 0 : (m.Mantissa + (1 << (excess - 1))) >> excess;
                m.RightShift = maxShift;
            }
            else if (m.RightShift < 0)
            {
                m.Mantissa = (1 << FixedMultiplier.Bits) - 1;
                m.RightShift = 0;
            }

            return m;
        }

        /// <summary>NITI's shift: the right shift that leaves a largest update of <paramref name="mu"/> bits.</summary>
        /// <param name="maxGradient">The largest |gradient|.</param>
        /// <param name="mu">μ.</param>
        /// <returns>The shift, 0 or more.</returns>
        protected static int NitiShift(int maxGradient, int mu)
        {
            int shift = Magnitude.BitLength(maxGradient) - mu;
            return shift < 0 ? 0 : (shift > 30 ? 30 : shift);
        }

        /// <summary>
        /// Updates the biases from the output error: b -= round_stochastic(η * e * scale(e) / scale(b))
        /// (accumulated instead in mini-batch mode). Both modes use this rule: NITI defines none for biases.
        /// </summary>
        /// <param name="errors">The output error per element, channel-major.</param>
        /// <param name="perChannel">Errors per channel (summed per channel).</param>
        /// <param name="workspace">The workspace.</param>
        protected void UpdateBiases(Tensor8 errors, int perChannel, Workspace workspace)
        {
            int[] b = _biases;
            if (b == null)
            {
                return;
            }

            Scale s = Scale.Quotient(errors.Scale, BiasScale);
            s = Scale.Product(s, workspace.Options.LearningRate);
            bool fused = workspace.Fused;
            if (!fused)
            {
                s.Shift += AccumulatorFractionBits;
            }

            // Fused: b -= step. Mini-batch: the accumulator gathers the same step with the opposite sign.
            FixedMultiplier m = FixedMultiplier.FromPowers(s.Pow2, s.Pow3);
            int[] target = fused ? b : _biasAccumulators;
            long sign = fused ? 1 : -1;
            long mantissa = m.Mantissa;
            int shift = m.RightShift;
            bool inline = shift > 0 && shift <= 32; // the usual case, computed here without a call per bias
            long mask = inline ? (1L << shift) - 1 : 0;

            // |step| <= |sum| * mantissa for shifts from 1 on: when that fits an int, the step needs no clamp.
            bool clampStep = 128L * perChannel * mantissa > int.MaxValue;
            sbyte[] e = errors.Data;
            uint random = workspace.Random.State;
            for (int c = 0; c < b.Length; c++)
            {
                int sum;
                if (perChannel == 1)
                {
                    sum = e[c]; // Dense: one error per bias, no loop to set up
                }
                else
                {
                    sum = 0;
                    int start = c * perChannel;
                    int end = start + perChannel;
                    for (int i = start; i < end; i++)
                    {
                        sum += e[i];
                    }
                }

                if (sum == 0)
                {
                    continue; // no error reached this output (common after a ReLU): nothing moves, no random bits drawn
                }

                long step;
                if (inline)
                {
                    // Inline copy of ScaleValueStochastic for shifts 1..32 (no call per bias); BiasUpdateCopyTests checks it.
                    // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
                    random ^= random << 13;
                    random ^= random >> 17;
                    random ^= random << 5;
                    step = ((sum * mantissa) + (random & mask)) >> shift;
                    if (clampStep)
                    {
                        step = step > int.MaxValue ? int.MaxValue : (step < -int.MaxValue ? -int.MaxValue : step);
                    }
                }
                else
                {
                    step = ScaleValueStochastic(sum, m, ref random);
                }

                long v = target[c] - (sign * step);
                target[c] = (int)(v > int.MaxValue ? int.MaxValue : (v < -int.MaxValue ? -int.MaxValue : v));
            }

            workspace.Random.State = random;
        }

        /// <summary>Applies and clears the mini-batch accumulators (called once per batch).</summary>
        /// <param name="workspace">The workspace.</param>
        public void ApplyAccumulated(Workspace workspace)
        {
            int[] acc = _accumulators;
            if (acc == null)
            {
                return;
            }

            // Dense: a staging block at a time (the kernels are per weight and stateless but for the
            // random state they carry on, so blocks give the bits of one call).
            int clamped = 0;
            bool tinTin = workspace.Options.Mode == TrainingMode.TinTin;
            int shift = tinTin ? 0 : NitiShift(Magnitude.MaxAbs(acc, 0, acc.Length), workspace.Options.MuBits);
            uint random = workspace.Random.State;
            int count = acc.Length;
            sbyte[] staging = workspace.Staging;
            int block = _weights != null ? count : staging.Length;
            for (int start = 0; start < count; start += block)
            {
                int length = count - start < block ? count - start : block;
                sbyte[] w = _weights;
                int offset = start;
                if (w == null)
                {
                    w = staging;
                    offset = 0;
                    PackedDense.Unpack(_packedWeights, start, w, 0, length);
                }

                clamped += tinTin
                    ? workspace.Kernels.TinTinGradients(w, offset, acc, start, length, 1, AccumulatorFractionBits, ref random)
                    : workspace.Kernels.NitiGradients(w, offset, acc, start, length, shift);
                if (w == staging)
                {
                    PackedDense.Pack(w, 0, _packedWeights, start, length);
                }
            }

            workspace.Random.State = random;
            System.Array.Clear(acc, 0, acc.Length);
            if (_biasAccumulators != null)
            {
                int[] b = _biases;
                for (int c = 0; c < b.Length; c++)
                {
                    b[c] = SaturatingSubtract(b[c], Rounding.RoundShiftRight(_biasAccumulators[c], AccumulatorFractionBits));
                }

                System.Array.Clear(_biasAccumulators, 0, _biasAccumulators.Length);
            }

            AfterUpdate(clamped, workspace);
        }

        /// <summary>
        /// Bookkeeping after a weight update: counts clamped weights and, in Tin-Tin mode, rescales the
        /// tensor by 0.75 when any clamped (saturation handled by rescaling), and every
        /// <see cref="TrainingOptions.WeightCheckInterval"/> updates scales it up if it no longer uses
        /// the upper half of the int8 range.
        /// </summary>
        /// <param name="clamped">Weights clamped by the update.</param>
        /// <param name="workspace">The workspace (its options, and its staging block for packed weights).</param>
        protected void AfterUpdate(int clamped, Workspace workspace)
        {
            TrainingOptions options = workspace.Options;
            Stats.Saturations += clamped;
            if (options.Mode != TrainingMode.TinTin)
            {
                return;
            }

            if (clamped > 0)
            {
                RescaleWeights(0, 1, 0, workspace.Staging); // q * 0.75: headroom for the next updates
                _updatesSinceCheck = 0;
                return;
            }

            if (options.WeightCheckInterval > 0 && ++_updatesSinceCheck >= options.WeightCheckInterval)
            {
                _updatesSinceCheck = 0;
                int max = _weights != null ? Magnitude.MaxAbs(_weights, 0, _weights.Length) : PackedDense.MaxAbs(_packedWeights, WeightCount);
                if (max > 0 && max < 64)
                {
                    RescaleStep step = default(RescaleStep);
                    Requantizer.Choose(max, true, ref step);
                    RescaleWeights(step.Up, step.Down, step.Shift, workspace.Staging);
                }
            }
        }

        /// <summary>
        /// Multiplies every weight by 1.5^up * 0.75^down / 2^shift (rounded, saturated) and adjusts the
        /// scale so real values stay. Packed (Dense) weights go through the staging block a block at a time.
        /// </summary>
        /// <param name="up">Factors 1.5.</param>
        /// <param name="down">Factors 0.75.</param>
        /// <param name="shift">The right shift (negative: left).</param>
        /// <param name="staging">The workspace's staging block (<see cref="Workspace.Staging"/>).</param>
        protected void RescaleWeights(int up, int down, int shift, sbyte[] staging)
        {
            int multiplier = Requantizer.Pow3(up + down);
            int total = shift + up + (down << 1);
            if (_weights != null)
            {
                RescaleBlock(_weights, 0, _weights.Length, multiplier, total);
            }
            else
            {
                int count = WeightCount;
                int block = staging.Length;
                for (int start = 0; start < count; start += block)
                {
                    int length = count - start < block ? count - start : block;
                    PackedDense.Unpack(_packedWeights, start, staging, 0, length);
                    RescaleBlock(staging, 0, length, multiplier, total);
                    PackedDense.Pack(staging, 0, _packedWeights, start, length);
                }
            }

            // Real value unchanged: q' = q * f, so scale' = scale / f.
            WeightScale = new Scale(WeightScale.Shift + shift, WeightScale.Up - up, WeightScale.Down - down);
            Stats.WeightRescales++;
        }

        // q = saturate(round(w * multiplier / 2^total)) for a block of int8 weights.
        private static void RescaleBlock(sbyte[] w, int offset, int count, int multiplier, int total)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                int p = w[i] * multiplier;

                // Inline copy of Saturation.SaturateToInt8(Rounding.RoundShiftRight(p, total)) (no calls per weight); ClampCopyTests checks it.
                int q = total <= 0 ? p << -total : (p >= 0 ? (p + (1 << (total - 1))) >> total : -((-p + (1 << (total - 1))) >> total));
                w[i] = (sbyte)(q > 127 ? 127 : (q < -127 ? -127 : q));
            }
        }

        private void CheckWeightArray(sbyte[] weights)
        {
            if (weights == null || weights.Length < WeightCount)
            {
                throw new System.ArgumentException("the array must hold the layer's " + WeightCount.ToString() + " weights");
            }
        }

        private void CheckWeightIndex(int index)
        {
            if (index < 0 || index >= WeightCount)
            {
                throw new System.ArgumentOutOfRangeException(nameof(index));
            }
        }

        /// <summary>Stochastically rounded <c>value * m</c> (per channel, not per element).</summary>
        /// <param name="value">The value.</param>
        /// <param name="m">The multiplier.</param>
        /// <param name="random">The xorshift32 state.</param>
        /// <returns>The scaled value.</returns>
        protected static int ScaleValueStochastic(int value, FixedMultiplier m, ref uint random)
        {
            uint s = random;
            // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            random = s;
            long p = (long)value * m.Mantissa;
            int shift = m.RightShift;
            if (shift <= 0)
            {
                return ClampToInt(ShiftLeftSaturating(p, -shift));
            }

            if (shift > 32)
            {
                p >>= shift - 32;
                shift = 32;
            }

            return ClampToInt((p + (long)(s & (uint)((1L << shift) - 1))) >> shift);
        }

        // p * 2^left, or +-long.MaxValue when the result leaves the int range anyway (a plain long shift
        // of |p| up to 2^46 by 17 or more would overflow and could flip the sign).
        private static long ShiftLeftSaturating(long p, int left)
        {
            long limit = left > 31 ? 0 : (long)int.MaxValue >> left;
            if (p > limit || p < -limit)
            {
                return p > 0 ? long.MaxValue : -long.MaxValue;
            }

            return p << left;
        }

        private static int ClampToInt(long v)
        {
            return v > int.MaxValue ? int.MaxValue : (v < -int.MaxValue ? -int.MaxValue : (int)v);
        }

        private static int SaturatingSubtract(int a, int b)
        {
            return ClampToInt((long)a - b);
        }
    }
}
