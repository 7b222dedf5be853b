// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Persistence
{
    /// <summary>Writes a model in the layout <see cref="ModelFile"/> documents.</summary>
    internal static class ModelFileWriter
    {
        /// <summary>The file's size in bytes for this model.</summary>
        /// <param name="model">The model.</param>
        /// <returns>The size.</returns>
        public static int GetSize(Model model)
        {
            ModelSpec spec = model.Spec;
            int size = ModelFile.HeaderSize + ModelFile.DescriptionFixedSize + ModelFile.LayerDescriptionSize * spec.Count
                + ModelFile.OptionsSize + ModelFile.StateSize + ModelFile.ChecksumSize;
            for (int l = 0; l < spec.Count; l++)
            {
                if (spec[l].WeightCount > 0)
                {
                    var layer = (WeightedLayer)model.GetLayer(l);
                    size += ModelFile.LayerStateFixedSize + layer.WeightCount
                        + 4 * (Length(layer.Biases) + Length(layer.Accumulators) + Length(layer.BiasAccumulators));
                }
            }

            return size;
        }

        /// <summary>Checks that the model can be stored as a file the reader accepts, before anything is written.</summary>
        /// <param name="model">The model.</param>
        /// <exception cref="ArgumentException">A value lies outside what the format stores.</exception>
        public static void Validate(Model model)
        {
            ModelSpec spec = model.Spec;
            TrainingOptions o = model.Options;
            Shape input = spec.Input;
            Require(ModelFileRules.CheckInputShape(input.Channels, input.Height, input.Width));
            if (spec.Count > ModelSpec.MaxLayers)
            {
                Require("more than " + ModelSpec.MaxLayers.ToString() + " layers");
            }

            for (int l = 0; l < spec.Count; l++)
            {
                LayerSpec s = spec[l];
                Require(ModelFileRules.CheckLayer(l, (int)s.Kind, s.Units, s.Kernel, s.Stride, s.Padding, s.Bias ? 1 : 0));
                Require(ModelFileRules.CheckSizes(l, s));
            }

            Require(ModelFileRules.CheckOptions((int)o.Mode, o.LearningRate, o.MuBits, o.BatchSize, o.InitialUpscale ? 1 : 0, o.WeightCheckInterval));
            Require(ModelFileRules.CheckState(model.Samples, model.PendingSamples, o.BatchSize, model.Random.State));
            for (int l = 0; l < spec.Count; l++)
            {
                if (spec[l].WeightCount > 0)
                {
                    ValidateLayer(l, (WeightedLayer)model.GetLayer(l), o.BatchSize > 1);
                }
            }
        }

        /// <summary>Writes the model (already validated) and its checksum.</summary>
        /// <param name="model">The model.</param>
        /// <param name="buffer">The buffer.</param>
        /// <param name="offset">Where the file starts.</param>
        /// <param name="size">The size from <see cref="GetSize"/>.</param>
        public static void Write(Model model, byte[] buffer, int offset, int size)
        {
            var w = new ByteWriter(buffer, offset, offset + size);
            int p = w.Take(4);
            buffer[p] = ModelFile.Magic0;
            buffer[p + 1] = ModelFile.Magic1;
            buffer[p + 2] = ModelFile.Magic2;
            buffer[p + 3] = ModelFile.Magic3;
            w.WriteUInt16(ModelFile.FormatVersion);
            w.WriteUInt32((uint)size);

            ModelSpec spec = model.Spec;
            w.WriteUInt16(spec.Input.Channels);
            w.WriteUInt16(spec.Input.Height);
            w.WriteUInt16(spec.Input.Width);
            w.WriteUInt16(spec.Count);
            for (int l = 0; l < spec.Count; l++)
            {
                LayerSpec s = spec[l];
                w.WriteByte((int)s.Kind);
                w.WriteUInt16(s.Units);
                w.WriteUInt16(s.Kernel);
                w.WriteUInt16(s.Stride);
                w.WriteUInt16(s.Padding);
                w.WriteByte(s.Bias ? 1 : 0);
            }

            TrainingOptions o = model.Options;
            w.WriteByte((int)o.Mode);
            WriteScale(ref w, o.LearningRate);
            w.WriteByte(o.MuBits);
            w.WriteInt32(o.BatchSize);
            w.WriteUInt32(o.Seed);
            w.WriteByte(o.InitialUpscale ? 1 : 0);
            w.WriteInt32(o.WeightCheckInterval);

            w.WriteInt64(model.Samples);
            w.WriteInt32(model.PendingSamples);
            w.WriteUInt32(model.Random.State);

            for (int l = 0; l < spec.Count; l++)
            {
                if (spec[l].WeightCount > 0)
                {
                    WriteLayer(ref w, (WeightedLayer)model.GetLayer(l));
                }
            }

            w.WriteUInt32(Crc32.Compute(buffer, offset, w.Position - offset));
            if (w.Position != offset + size)
            {
                throw new InvalidOperationException("the model file came out shorter than the size computed for it");
            }
        }

        private static void ValidateLayer(int l, WeightedLayer layer, bool batched)
        {
            Require(ModelFileRules.CheckScale(layer.WeightScale, "the weight scale", l));
            Require(ModelFileRules.CheckScale(layer.BiasScale, "the bias scale", l));
            Require(ModelFileRules.CheckUpdateCounter(l, layer.UpdatesSinceCheck));
            if ((layer.Accumulators != null) != batched)
            {
                Require("layer " + l.ToString() + (batched ? ": batch size above 1 but the model was built without" : ": batch size 1 but the model was built with") + " mini-batch accumulators");
            }

            int count = layer.WeightCount;
            long[] packed = layer.PackedWeights;
            sbyte[] int8 = layer.Weights;
            for (int i = 0; i < count; i++)
            {
                if ((packed != null ? PackedDense.Get(packed, i) : int8[i]) == -128)
                {
                    Require(ModelFileRules.BadWeight(l, i));
                }
            }

            ValidateInts(l, "bias", layer.Biases);
            ValidateInts(l, "accumulator", layer.Accumulators);
            ValidateInts(l, "bias accumulator", layer.BiasAccumulators);
        }

        private static void ValidateInts(int l, string what, int[] values)
        {
            int n = Length(values);
            for (int i = 0; i < n; i++)
            {
                if (values[i] == int.MinValue)
                {
                    Require(ModelFileRules.BadInt(l, what, i));
                }
            }
        }

        private static void WriteLayer(ref ByteWriter w, WeightedLayer layer)
        {
            WriteScale(ref w, layer.WeightScale);
            WriteScale(ref w, layer.BiasScale);
            w.WriteInt32(layer.UpdatesSinceCheck);

            int n = layer.WeightCount;
            w.WriteInt32(n);
            byte[] d = w.Data;
            int p = w.Take(n);
            if (layer.PackedWeights != null)
            {
                PackedDense.ToBytes(layer.PackedWeights, d, p, n);
            }
            else
            {
                sbyte[] weights = layer.Weights;
                for (int i = 0; i < n; i++)
                {
                    d[p + i] = (byte)weights[i];
                }
            }

            WriteInts(ref w, layer.Biases);
            WriteInts(ref w, layer.Accumulators);
            WriteInts(ref w, layer.BiasAccumulators);
        }

        // A count, then the values; a missing array is written as count 0.
        private static void WriteInts(ref ByteWriter w, int[] values)
        {
            int n = Length(values);
            w.WriteInt32(n);
            byte[] d = w.Data;
            int p = w.Take(4 * n);
            for (int i = 0; i < n; i++)
            {
                int v = values[i];
                d[p] = (byte)v;
                d[p + 1] = (byte)(v >> 8);
                d[p + 2] = (byte)(v >> 16);
                d[p + 3] = (byte)(v >> 24);
                p += 4;
            }
        }

        private static void WriteScale(ref ByteWriter w, Scale scale)
        {
            w.WriteInt32(scale.Shift);
            w.WriteInt32(scale.Up);
            w.WriteInt32(scale.Down);
        }

        private static int Length(int[] values)
        {
            return values == null ? 0 : values.Length;
        }

        private static void Require(string problem)
        {
            if (problem != null)
            {
                throw new ArgumentException("the model cannot be saved: " + problem);
            }
        }
    }
}
