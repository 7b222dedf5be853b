// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Scaling;

using TinTin.Training;

namespace TinTin.Persistence
{
    /// <summary>
    /// What a valid model file may contain, as checks shared by the writer (so every model it saves
    /// can be read back) and the reader. Each returns null when the value is valid, else a
    /// comma-free message naming the value.
    /// </summary>
    internal static class ModelFileRules
    {
        /// <summary>Largest value of a 16-bit field: shape dimensions, units, kernel, stride, padding.</summary>
        public const int MaxField = 65535;

        /// <summary>Largest number of elements of any tensor or weight array (2^24): keeps every size computation inside an int.</summary>
        public const int MaxElements = 1 << 24;

        /// <summary>Largest |exponent| of a scale: keeps Pow2 = S - U - 2D and the sums of a few scales inside an int.</summary>
        public const int MaxExponent = 1 << 20;

        /// <summary>Largest NITI μ (a bit length of an int update).</summary>
        public const int MaxMuBits = TrainingOptions.MaxMuBits;

        /// <summary>Checks the input shape.</summary>
        /// <param name="channels">Channels.</param>
        /// <param name="height">Height.</param>
        /// <param name="width">Width.</param>
        /// <returns>Null or the problem.</returns>
        public static string CheckInputShape(int channels, int height, int width)
        {
            if (channels < 1 || height < 1 || width < 1 || channels > MaxField || height > MaxField || width > MaxField)
            {
                return "input shape " + new Shape(channels, height, width).ToString() + " is invalid (each dimension lies in 1..65535)";
            }

            if ((long)channels * height * width > MaxElements)
            {
                return "input shape " + new Shape(channels, height, width).ToString() + " has more than " + MaxElements.ToString() + " elements";
            }

            return null;
        }

        /// <summary>
        /// Checks one layer description: a known kind, 16-bit fields, and the canonical form the
        /// <see cref="ModelSpec"/> builders produce (fields a kind does not use are 0).
        /// </summary>
        /// <param name="layer">The layer index (for the message).</param>
        /// <param name="kind">The kind value.</param>
        /// <param name="units">Units or filters.</param>
        /// <param name="kernel">Kernel or window.</param>
        /// <param name="stride">Stride.</param>
        /// <param name="padding">Padding.</param>
        /// <param name="bias">The bias flag (0 or 1).</param>
        /// <returns>Null or the problem.</returns>
        public static string CheckLayer(int layer, int kind, int units, int kernel, int stride, int padding, int bias)
        {
            if (kind < (int)LayerKind.Dense || kind > (int)LayerKind.Flatten)
            {
                return "unknown layer kind " + kind.ToString() + " at layer " + layer.ToString();
            }

            LayerKind k = (LayerKind)kind;
            bool weighted = k == LayerKind.Dense || k == LayerKind.Conv2D || k == LayerKind.Conv1D;
            bool windowed = k == LayerKind.Conv2D || k == LayerKind.Conv1D || k == LayerKind.MaxPool2D || k == LayerKind.MaxPool1D;
            bool padded = k == LayerKind.Conv2D || k == LayerKind.Conv1D;
            string problem = InField(units, "units") ?? InField(kernel, "kernel") ?? InField(stride, "stride") ?? InField(padding, "padding");
            problem = problem ?? (weighted ? AtLeastOne(units, "units") : Zero(units, "units"));
            problem = problem ?? (windowed ? AtLeastOne(kernel, "kernel") : Zero(kernel, "kernel"));
            problem = problem ?? (windowed ? AtLeastOne(stride, "stride") : Zero(stride, "stride"));
            problem = problem ?? (padded ? null : Zero(padding, "padding"));
            problem = problem ?? (bias == 0 || bias == 1 ? null : "bias flag = " + bias.ToString() + " (must be 0 or 1)");
            problem = problem ?? (weighted ? null : Zero(bias, "bias flag"));
            return problem == null ? null : "layer " + layer.ToString() + " (" + LayerSpec.KindName(k) + "): " + problem;
        }

        /// <summary>Checks the sizes of a layer whose shapes are computed (in long: they must stay far inside an int).</summary>
        /// <param name="layer">The layer index.</param>
        /// <param name="spec">The layer, shapes set.</param>
        /// <returns>Null or the problem.</returns>
        public static string CheckSizes(int layer, LayerSpec spec)
        {
            Shape o = spec.Output;
            Shape i = spec.Input;
            long outputs = (long)o.Channels * o.Height * o.Width;
            long weights = 0;
            switch (spec.Kind)
            {
                case LayerKind.Dense:
                    weights = (long)spec.Units * i.Channels * i.Height * i.Width;
                    break;
                case LayerKind.Conv2D:
                    weights = (long)spec.Units * i.Channels * spec.Kernel * spec.Kernel;
                    break;
                case LayerKind.Conv1D:
                    weights = (long)spec.Units * i.Channels * spec.Kernel;
                    break;
            }

            if (outputs > MaxElements || weights > MaxElements)
            {
                return "layer " + layer.ToString() + " (" + LayerSpec.KindName(spec.Kind) + "): more than " + MaxElements.ToString() + " outputs or weights";
            }

            return null;
        }

        /// <summary>Checks a scale's three exponents.</summary>
        /// <param name="scale">The scale.</param>
        /// <param name="what">Its name, e.g. "the weight scale".</param>
        /// <param name="layer">Its layer, or -1.</param>
        /// <returns>Null or the problem.</returns>
        public static string CheckScale(Scale scale, string what, int layer)
        {
            if (OutOfRange(scale.Shift) || OutOfRange(scale.Up) || OutOfRange(scale.Down))
            {
                return ByteReader.Field(what, layer) + " = " + scale.ToString() + " has an exponent outside -" + MaxExponent.ToString() + ".." + MaxExponent.ToString();
            }

            return null;
        }

        /// <summary>Checks the training options stored in the file.</summary>
        /// <param name="mode">The mode value.</param>
        /// <param name="learningRate">The learning rate.</param>
        /// <param name="muBits">μ.</param>
        /// <param name="batchSize">The batch size.</param>
        /// <param name="upscale">The initial-upscale flag (0 or 1).</param>
        /// <param name="interval">The weight check interval.</param>
        /// <returns>Null or the problem.</returns>
        public static string CheckOptions(int mode, Scale learningRate, int muBits, int batchSize, int upscale, int interval)
        {
            if (mode != 1 && mode != 2)
            {
                return "unknown training mode " + mode.ToString() + " (1 is TinTin and 2 is Niti)";
            }

            string problem = CheckScale(learningRate, "the learning rate", -1);
            if (problem != null)
            {
                return problem;
            }

            if (muBits < 0 || muBits > MaxMuBits)
            {
                return "mu = " + muBits.ToString() + " is outside 0.." + MaxMuBits.ToString();
            }

            if (batchSize < 1)
            {
                return "batch size = " + batchSize.ToString() + " (must be at least 1)";
            }

            if (upscale != 0 && upscale != 1)
            {
                return "initial upscale flag = " + upscale.ToString() + " (must be 0 or 1)";
            }

            return interval < 0 ? "weight check interval = " + interval.ToString() + " (must be 0 or more)" : null;
        }

        /// <summary>Checks the model's training state.</summary>
        /// <param name="samples">Samples trained on.</param>
        /// <param name="pending">Samples in the unfinished mini-batch.</param>
        /// <param name="batchSize">The batch size (already checked).</param>
        /// <param name="random">The PRNG state.</param>
        /// <returns>Null or the problem.</returns>
        public static string CheckState(long samples, int pending, int batchSize, uint random)
        {
            if (samples < 0)
            {
                return "sample count = " + samples.ToString() + " (must be 0 or more)";
            }

            if (pending < 0 || pending >= batchSize)
            {
                return "pending samples = " + pending.ToString() + " is outside 0.." + (batchSize - 1).ToString() + " for batch size " + batchSize.ToString();
            }

            return random == 0 ? "PRNG state = 0 (xorshift32 never reaches 0)" : null;
        }

        /// <summary>Checks a layer's update counter.</summary>
        /// <param name="layer">The layer index.</param>
        /// <param name="updates">Updates since the last weight-range check.</param>
        /// <returns>Null or the problem.</returns>
        public static string CheckUpdateCounter(int layer, int updates)
        {
            return updates < 0 ? "layer " + layer.ToString() + ": update counter = " + updates.ToString() + " (must be 0 or more)" : null;
        }

        /// <summary>The message for an array whose length is not the layer's.</summary>
        /// <param name="layer">The layer index.</param>
        /// <param name="what">e.g. "weight count".</param>
        /// <param name="found">The stored count.</param>
        /// <param name="expected">The layer's count.</param>
        /// <returns>The message.</returns>
        public static string CountMismatch(int layer, string what, int found, int expected)
        {
            return "layer " + layer.ToString() + ": " + what + " " + found.ToString() + " does not match the layer's " + expected.ToString();
        }

        /// <summary>The message for an int8 weight of -128 (Tin-Tin weights are symmetric).</summary>
        /// <param name="layer">The layer index.</param>
        /// <param name="index">The weight index.</param>
        /// <returns>The message.</returns>
        public static string BadWeight(int layer, int index)
        {
            return "layer " + layer.ToString() + ": weight " + index.ToString() + " = -128 is outside -127..127";
        }

        /// <summary>The message for an int32 of -2^31 (the engine saturates to ±(2^31 - 1)).</summary>
        /// <param name="layer">The layer index.</param>
        /// <param name="what">e.g. "bias".</param>
        /// <param name="index">The element index.</param>
        /// <returns>The message.</returns>
        public static string BadInt(int layer, string what, int index)
        {
            return "layer " + layer.ToString() + ": " + what + " " + index.ToString() + " = -2147483648 is outside -2147483647..2147483647";
        }

        /// <summary>Describes a layer for a mismatch message, e.g. <c>Conv2D(6 kernel 5 stride 1 padding 2)</c>.</summary>
        /// <param name="kind">The kind.</param>
        /// <param name="units">Units or filters.</param>
        /// <param name="kernel">Kernel or window.</param>
        /// <param name="stride">Stride.</param>
        /// <param name="padding">Padding.</param>
        /// <param name="bias">Whether it has biases.</param>
        /// <returns>The description.</returns>
        public static string Describe(LayerKind kind, int units, int kernel, int stride, int padding, bool bias)
        {
            string name = LayerSpec.KindName(kind);
            string noBias = bias ? "" : " without bias";
            switch (kind)
            {
                case LayerKind.Dense:
                    return name + "(" + units.ToString() + ")" + noBias;
                case LayerKind.Conv2D:
                case LayerKind.Conv1D:
                    return name + "(" + units.ToString() + " kernel " + kernel.ToString() + " stride " + stride.ToString() + " padding " + padding.ToString() + ")" + noBias;
                case LayerKind.MaxPool2D:
                case LayerKind.MaxPool1D:
                    return name + "(" + kernel.ToString() + " stride " + stride.ToString() + ")";
                default:
                    return name;
            }
        }

        private static bool OutOfRange(int exponent)
        {
            return exponent > MaxExponent || exponent < -MaxExponent;
        }

        private static string InField(int value, string name)
        {
            return value < 0 || value > MaxField ? name + " = " + value.ToString() + " is outside 0..65535" : null;
        }

        private static string AtLeastOne(int value, string name)
        {
            return value < 1 ? name + " = " + value.ToString() + " (must be at least 1)" : null;
        }

        private static string Zero(int value, string name)
        {
            return value != 0 ? name + " = " + value.ToString() + " (must be 0)" : null;
        }
    }
}
