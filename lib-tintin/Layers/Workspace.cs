// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Random;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>
    /// The scratch a model shares among its layers, allocated once when the model is built: an
    /// int32 accumulator row, an int32 gradient row, the packed weights of a convolution's filters and
    /// the steps of its requantized rows, plus the training options, the PRNG and the kernels the layers
    /// run their hot loops on.
    /// </summary>
    internal sealed class Workspace
    {
        /// <summary>
        /// Bytes of <see cref="Staging"/>: packed (Dense) weights are unpacked this many at a time for the
        /// per-weight work that has no packed kernel of its own (mini-batch updates, weight rescaling).
        /// </summary>
        public const int StagingLength = 64;

        /// <summary>The row steps the short constructor gives (single layers in tests): 256 rows.</summary>
        public const int DefaultRowSteps = 256;

        /// <summary>Creates a workspace on the managed kernels, with <see cref="DefaultRowSteps"/> row steps.</summary>
        /// <param name="accumulatorLength">Length of <see cref="Accumulators"/>.</param>
        /// <param name="gradientLength">Length of <see cref="Gradients"/>.</param>
        /// <param name="options">The training options.</param>
        /// <param name="random">The PRNG for initialisation and stochastic rounding.</param>
        public Workspace(int accumulatorLength, int gradientLength, TrainingOptions options, Xorshift32 random)
            : this(accumulatorLength, accumulatorLength, gradientLength, 0, 0, StagingLength, DefaultRowSteps, options, random, new ManagedKernels())
        {
        }

        /// <summary>Creates a workspace.</summary>
        /// <param name="accumulatorLength">Length of <see cref="Accumulators"/>.</param>
        /// <param name="passRowLength">See <see cref="PassRowLength"/> (at most accumulatorLength).</param>
        /// <param name="gradientLength">Length of <see cref="Gradients"/>.</param>
        /// <param name="packedLength">Length of <see cref="PackedWeights"/> (0: convolutions sum one filter at a time; else
        /// <see cref="LaneBiases"/> and <see cref="LaneMaxima"/> get <see cref="TrainingKernels.MaxLanes"/> ints each).</param>
        /// <param name="packedInputLength">Length of <see cref="PackedInput"/> (0: Dense layers sum without it).</param>
        /// <param name="stagingLength">Length of <see cref="Staging"/> (0 without Dense layers).</param>
        /// <param name="rowStepLength">Length of <see cref="RowSteps"/>.</param>
        /// <param name="options">The training options.</param>
        /// <param name="random">The PRNG for initialisation and stochastic rounding.</param>
        /// <param name="kernels">The kernels (see <see cref="Kernels"/>).</param>
        /// <exception cref="System.ArgumentNullException"><paramref name="kernels"/> is null.</exception>
        public Workspace(int accumulatorLength, int passRowLength, int gradientLength, int packedLength, int packedInputLength, int stagingLength, int rowStepLength, TrainingOptions options, Xorshift32 random, TrainingKernels kernels)
        {
            if (kernels == null)
            {
                throw new System.ArgumentNullException(nameof(kernels));
            }

            Accumulators = new int[accumulatorLength];
            PassRowLength = passRowLength;
            Gradients = new int[gradientLength];
            PackedWeights = new long[packedLength];
            PackedInput = packedInputLength > 0 ? new long[packedInputLength] : null;
            Staging = new sbyte[stagingLength];
            RowSteps = new int[rowStepLength];
            LaneBiases = new int[packedLength > 0 ? TrainingKernels.MaxLanes : 0];
            LaneMaxima = new int[packedLength > 0 ? TrainingKernels.MaxLanes : 0];
            Options = options;
            Random = random;
            Kernels = kernels;
        }

        /// <summary>The int32 accumulators of one layer's output (forward) or input error (backward).</summary>
        public readonly int[] Accumulators;

        /// <summary>
        /// The row length a convolution's backward passes are planned on (<see cref="MemoryPlan.PassRowLength"/>):
        /// the accumulator row may be longer, for filter pairs, without changing the passes or their bits.
        /// </summary>
        public readonly int PassRowLength;

        /// <summary>The int32 weight gradients of one convolution filter.</summary>
        public readonly int[] Gradients;

        /// <summary>Two or three convolution filters' weights of a block of input channels, packed one tap per long (forward pass).</summary>
        public readonly long[] PackedWeights;

        /// <summary>The staging block of <see cref="StagingLength"/> int8 weights (empty without Dense layers).</summary>
        public readonly sbyte[] Staging;

        /// <summary>A Dense layer's input packed two values to a long (<see cref="PackedDense.PackInput"/>), or null.</summary>
        public readonly long[] PackedInput;

        /// <summary>
        /// The step each row of a convolution (a filter's output or a segment of it, a pass's input error)
        /// was requantized with, packed, until the layer aligns its rows (<see cref="MemoryPlan.RowStepLength"/>).
        /// </summary>
        public readonly int[] RowSteps;

        /// <summary>The biases of the filters a convolution sums at once (<see cref="TrainingKernels.ConvForwardPacked"/>); empty without packed weights.</summary>
        public readonly int[] LaneBiases;

        /// <summary>The largest magnitude of each of those filters' sums; empty without packed weights.</summary>
        public readonly int[] LaneMaxima;

        /// <summary>The training options.</summary>
        public readonly TrainingOptions Options;

        /// <summary>The PRNG: its state drives stochastic rounding.</summary>
        public readonly Xorshift32 Random;

        /// <summary>
        /// The kernels the layers call for their hot loops, once per layer (or filter): managed by
        /// default, a native engine when the model's owner plugs one in (<see cref="Model.Kernels"/>).
        /// A field, not a property: it is read once per layer and call, and a field read is the
        /// cheaper IL on the interpreter. Never null.
        /// </summary>
        public TrainingKernels Kernels;

        /// <summary>Gets whether an update is applied now (batch size 1) or accumulated.</summary>
        public bool Fused
        {
            get { return Options.BatchSize <= 1; }
        }
    }
}
