// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Persistence
{
    /// <summary>
    /// Reads the layout <see cref="ModelFile"/> documents, section by section. Every section reader
    /// validates each field as it reads it, and writes into its target only when one is given: called
    /// once without targets it proves the whole file valid while changing nothing.
    /// </summary>
    internal static class ModelFileReader
    {
        /// <summary>
        /// Checks the header, the length and the checksum, and returns a reader over the body (from
        /// the end of the header to the checksum). When fewer bytes are given than the header says,
        /// finds the first field they cut and names it.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where the file starts.</param>
        /// <param name="count">The bytes given.</param>
        /// <returns>The body reader.</returns>
        public static ByteReader Open(byte[] data, int offset, int count)
        {
            var r = new ByteReader(data, offset, offset + count);
            long length = ReadHeader(ref r);
            if (length > count)
            {
                DiagnoseTruncation(ref r);
                throw new ModelFileException("truncated: the header says the file is " + length.ToString() + " bytes but " + count.ToString() + " were given");
            }

            if (length < count)
            {
                throw new ModelFileException("trailing bytes: the file is " + length.ToString() + " bytes long but " + count.ToString() + " were given");
            }

            if (length < ModelFile.HeaderSize + ModelFile.ChecksumSize)
            {
                throw new ModelFileException("file length = " + length.ToString() + " in the header is shorter than a header and a checksum");
            }

            int body = offset + (int)length - ModelFile.ChecksumSize;
            uint stored = (uint)ByteReader.Int32At(data, body);
            uint computed = Crc32.Compute(data, offset, body - offset);
            if (stored != computed)
            {
                throw new ModelFileException("checksum mismatch: stored 0x" + stored.ToString("X8") + " but computed 0x" + computed.ToString("X8"));
            }

            return new ByteReader(data, r.Position, body);
        }

        /// <summary>Reads and checks the magic number and the format version, and returns the stored file length.</summary>
        /// <param name="r">A reader at the start of the file.</param>
        /// <returns>The file length the header states.</returns>
        public static long ReadHeader(ref ByteReader r)
        {
            byte[] d = r.Data;
            int p = r.Take(4, "the magic number", -1);
            if (d[p] != ModelFile.Magic0 || d[p + 1] != ModelFile.Magic1 || d[p + 2] != ModelFile.Magic2 || d[p + 3] != ModelFile.Magic3)
            {
                throw new ModelFileException("not a TinTin model file (bad magic)");
            }

            int version = r.ReadUInt16("the format version", -1);
            if (version != ModelFile.FormatVersion)
            {
                throw new ModelFileException("unsupported format version " + version.ToString() + " (this library reads " + ModelFile.FormatVersion.ToString() + ")");
            }

            return r.ReadUInt32("the file length", -1);
        }

        /// <summary>
        /// Reads the model description. With <paramref name="expected"/> it must match it exactly;
        /// without, a new description is built from the file.
        /// </summary>
        /// <param name="r">The reader.</param>
        /// <param name="expected">The model's description, or null.</param>
        /// <returns>The description (<paramref name="expected"/> or the new one).</returns>
        public static ModelSpec ReadSpec(ref ByteReader r, ModelSpec expected)
        {
            int channels = r.ReadUInt16("the input channels", -1);
            int height = r.ReadUInt16("the input height", -1);
            int width = r.ReadUInt16("the input width", -1);
            Fail(ModelFileRules.CheckInputShape(channels, height, width));
            var input = new Shape(channels, height, width);
            if (expected != null && (expected.Input.Channels != channels || expected.Input.Height != height || expected.Input.Width != width))
            {
                Fail("the input shape is " + input.ToString() + " in the file but " + expected.Input.ToString() + " in the model");
            }

            int count = r.ReadUInt16("the layer count", -1);
            if (count < 1 || count > ModelSpec.MaxLayers)
            {
                Fail("layer count = " + count.ToString() + " is outside 1.." + ModelSpec.MaxLayers.ToString());
            }

            if (expected != null && expected.Count != count)
            {
                Fail("the file has " + count.ToString() + " layers but the model has " + expected.Count.ToString());
            }

            ModelSpec built = expected == null ? new ModelSpec(input) : null;
            for (int l = 0; l < count; l++)
            {
                int kind = r.ReadByte("the kind", l);
                int units = r.ReadUInt16("the units", l);
                int kernel = r.ReadUInt16("the kernel", l);
                int stride = r.ReadUInt16("the stride", l);
                int padding = r.ReadUInt16("the padding", l);
                int bias = r.ReadByte("the bias flag", l);
                Fail(ModelFileRules.CheckLayer(l, kind, units, kernel, stride, padding, bias));
                if (expected != null)
                {
                    LayerSpec e = expected[l];
                    if ((int)e.Kind != kind || e.Units != units || e.Kernel != kernel || e.Stride != stride || e.Padding != padding || e.Bias != (bias == 1))
                    {
                        Fail("layer " + l.ToString() + " is " + ModelFileRules.Describe((LayerKind)kind, units, kernel, stride, padding, bias == 1)
                            + " in the file but " + ModelFileRules.Describe(e.Kind, e.Units, e.Kernel, e.Stride, e.Padding, e.Bias) + " in the model");
                    }
                }
                else
                {
                    Append(built, l, new LayerSpec((LayerKind)kind, units, kernel, stride, padding, bias == 1));
                }
            }

            return expected ?? built;
        }

        /// <summary>Reads the training options.</summary>
        /// <param name="r">The reader.</param>
        /// <param name="target">Receives the options, or null to only check them.</param>
        /// <returns>The stored batch size.</returns>
        public static int ReadOptions(ref ByteReader r, TrainingOptions target)
        {
            int mode = r.ReadByte("the training mode", -1);
            Scale learningRate = ReadScale(ref r, "the learning rate", -1);
            int mu = r.ReadByte("the mu setting", -1);
            int batchSize = r.ReadInt32("the batch size", -1);
            uint seed = r.ReadUInt32("the seed", -1);
            int upscale = r.ReadByte("the upscale flag", -1);
            int interval = r.ReadInt32("the weight check interval", -1);
            Fail(ModelFileRules.CheckOptions(mode, learningRate, mu, batchSize, upscale, interval));
            if (target != null)
            {
                target.Mode = (TrainingMode)mode;
                target.LearningRate = learningRate;
                target.MuBits = mu;
                target.BatchSize = batchSize;
                target.Seed = seed;
                target.InitialUpscale = upscale == 1;
                target.WeightCheckInterval = interval;
            }

            return batchSize;
        }

        /// <summary>Reads the training state (sample counts and PRNG state).</summary>
        /// <param name="r">The reader.</param>
        /// <param name="batchSize">The stored batch size.</param>
        /// <param name="target">Receives the state, or null to only check it.</param>
        public static void ReadState(ref ByteReader r, int batchSize, Model target)
        {
            long samples = r.ReadInt64("the sample count", -1);
            int pending = r.ReadInt32("the pending sample count", -1);
            uint random = r.ReadUInt32("the PRNG state", -1);
            Fail(ModelFileRules.CheckState(samples, pending, batchSize, random));
            if (target != null)
            {
                target.Samples = samples;
                target.PendingSamples = pending;
                target.Random.State = random;
            }
        }

        /// <summary>Reads the state of every weighted layer.</summary>
        /// <param name="r">The reader.</param>
        /// <param name="spec">The description (it says which layers have weights and how many).</param>
        /// <param name="batched">Whether the layers have mini-batch accumulators.</param>
        /// <param name="target">Receives the weights and state, or null to only check them.</param>
        public static void ReadLayers(ref ByteReader r, ModelSpec spec, bool batched, Model target)
        {
            for (int l = 0; l < spec.Count; l++)
            {
                LayerSpec s = spec[l];
                int weights = s.WeightCount;
                if (weights == 0)
                {
                    continue;
                }

                WeightedLayer layer = target == null ? null : (WeightedLayer)target.GetLayer(l);
                Scale weightScale = ReadScale(ref r, "the weight scale", l);
                Fail(ModelFileRules.CheckScale(weightScale, "the weight scale", l));
                Scale biasScale = ReadScale(ref r, "the bias scale", l);
                Fail(ModelFileRules.CheckScale(biasScale, "the bias scale", l));
                int updates = r.ReadInt32("the update counter", l);
                Fail(ModelFileRules.CheckUpdateCounter(l, updates));
                ReadWeights(ref r, l, weights, layer);
                ReadInts(ref r, l, "the bias count", "the biases", "bias", s.BiasCount, layer == null ? null : layer.Biases);
                ReadInts(ref r, l, "the accumulator count", "the accumulators", "accumulator", batched ? weights : 0, layer == null ? null : layer.Accumulators);
                ReadInts(ref r, l, "the bias accumulator count", "the bias accumulators", "bias accumulator", batched ? s.BiasCount : 0, layer == null ? null : layer.BiasAccumulators);
                if (layer != null)
                {
                    layer.WeightScale = weightScale;
                    layer.BiasScale = biasScale;
                    layer.UpdatesSinceCheck = updates;
                }
            }
        }

        /// <summary>Checks that the body ends where the checksum starts.</summary>
        /// <param name="r">The reader, after the last layer.</param>
        public static void ReadEnd(ref ByteReader r)
        {
            if (r.Remaining > 0)
            {
                Fail("trailing bytes: " + r.Remaining.ToString() + " bytes between the last layer and the checksum");
            }
        }

        /// <summary>Builds the model a file describes, turning the engine's refusals into file errors.</summary>
        /// <param name="spec">The description.</param>
        /// <param name="options">The options.</param>
        /// <returns>The model.</returns>
        public static Model Build(ModelSpec spec, TrainingOptions options)
        {
            try
            {
                return new Model(spec, options);
            }
            catch (NotSupportedException e)
            {
                throw new ModelFileException("the stored model cannot be built: " + e.Message + " is not supported by this library");
            }
            catch (ArgumentException e)
            {
                throw new ModelFileException("the stored model cannot be built: " + e.Message);
            }
        }

        /// <summary>Throws a <see cref="ModelFileException"/> when there is a problem.</summary>
        /// <param name="problem">Null or the problem.</param>
        public static void Fail(string problem)
        {
            if (problem != null)
            {
                throw new ModelFileException(problem);
            }
        }

        // The bytes end before the header's length: walk the fields without a model to name the first one cut off.
        private static void DiagnoseTruncation(ref ByteReader r)
        {
            ModelSpec spec = ReadSpec(ref r, null);
            int batchSize = ReadOptions(ref r, null);
            ReadState(ref r, batchSize, null);
            ReadLayers(ref r, spec, batchSize > 1, null);
            r.Take(ModelFile.ChecksumSize, "the checksum", -1);
        }

        private static void Append(ModelSpec spec, int l, LayerSpec layer)
        {
            try
            {
                spec.Add(layer);
            }
            catch (ArgumentException e)
            {
                throw new ModelFileException("layer " + l.ToString() + " (" + LayerSpec.KindName(layer.Kind) + "): " + e.Message);
            }

            Fail(ModelFileRules.CheckSizes(l, layer));
        }

        private static Scale ReadScale(ref ByteReader r, string what, int layer)
        {
            int p = r.Take(12, what, layer);
            byte[] d = r.Data;
            return new Scale(ByteReader.Int32At(d, p), ByteReader.Int32At(d, p + 4), ByteReader.Int32At(d, p + 8));
        }

        private static void ReadWeights(ref ByteReader r, int l, int expected, WeightedLayer target)
        {
            int n = r.ReadInt32("the weight count", l);
            if (n != expected)
            {
                Fail(ModelFileRules.CountMismatch(l, "weight count", n, expected));
            }

            int p = r.Take(n, "the weights", l);
            byte[] d = r.Data;
            for (int i = 0; i < n; i++)
            {
                if (d[p + i] == 0x80)
                {
                    Fail(ModelFileRules.BadWeight(l, i));
                }
            }

            if (target != null && target.PackedWeights != null)
            {
                PackedDense.FromBytes(d, p, target.PackedWeights, n);
            }
            else if (target != null)
            {
                sbyte[] weights = target.Weights;
                for (int i = 0; i < n; i++)
                {
                    weights[i] = (sbyte)d[p + i];
                }
            }
        }

        // A count that must equal the layer's, then that many int32 (none may be -2^31). The names are
        // literals ("the bias count", "the biases", "bias") so a valid file builds no strings.
        private static void ReadInts(ref ByteReader r, int l, string countField, string arrayField, string element, int expected, int[] target)
        {
            int n = r.ReadInt32(countField, l);
            if (n != expected)
            {
                Fail(ModelFileRules.CountMismatch(l, countField.Substring(4), n, expected));
            }

            int p = r.Take(4 * n, arrayField, l);
            byte[] d = r.Data;
            for (int i = 0; i < n; i++)
            {
                int v = d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24);
                if (v == int.MinValue)
                {
                    Fail(ModelFileRules.BadInt(l, element, i));
                }

                if (target != null)
                {
                    target[i] = v;
                }

                p += 4;
            }
        }
    }
}
