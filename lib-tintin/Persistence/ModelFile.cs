// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Training;

namespace TinTin.Persistence
{
    /// <summary>
    /// The versioned binary model file: everything needed to rebuild a <see cref="Model"/> and resume
    /// its training bit-exactly, protected by a CRC-32. Works on byte arrays only (no streams), so
    /// the same code saves and loads on the device and on the host.
    /// </summary>
    /// <remarks>
    /// <para>Format version 1, all integers little-endian (docs/model-format.md has the same layout with examples):</para>
    /// <para>Header, 10 bytes: magic "TTNM" (54 54 4E 4D); u16 format version = 1; u32 file length in bytes,
    /// header and checksum included.</para>
    /// <para>Description: u16 input channels, u16 height, u16 width (each 1..65535, at most 2^24 elements);
    /// u16 layer count (1..64); per layer 10 bytes: u8 kind (<see cref="LayerKind"/> values), u16 units,
    /// u16 kernel, u16 stride, u16 padding, u8 bias flag. Fields a kind does not use are 0.</para>
    /// <para>Training options, 27 bytes: u8 mode (<see cref="TrainingMode"/> values); i32 learning rate
    /// S, U, D; u8 μ (0..31); i32 batch size (at least 1); u32 seed; u8 initial-upscale flag;
    /// i32 weight check interval (0 or more).</para>
    /// <para>Training state, 16 bytes: i64 samples (<see cref="Model.Samples"/>); i32 pending samples
    /// (<see cref="Model.PendingSamples"/>, below the batch size); u32 PRNG state (never 0).</para>
    /// <para>Per layer with weights (Dense, Conv2D, Conv1D), in layer order: i32 weight scale S, U, D;
    /// i32 bias scale S, U, D; i32 updates since the last weight-range check; i32 weight count, then
    /// that many int8 weights (-127..127); i32 bias count, then that many int32 biases; i32 accumulator
    /// count (the weight count when the batch size is above 1, else 0), then that many int32; i32 bias
    /// accumulator count (likewise), then that many int32. No int32 is -2^31. Scale exponents lie in
    /// ±2^20.</para>
    /// <para>Checksum: u32 CRC-32 (<see cref="Crc32"/>) of every byte before it.</para>
    /// <para>Not stored: the per-layer diagnostics and the activations and scratch buffers (rebuilt by
    /// every step). Layers are numbered from 0, as in <see cref="Model.GetLayer"/>.</para>
    /// <para>Reading checks the magic, the version and the length, then the checksum, then every
    /// field; a rejected file throws <see cref="ModelFileException"/> and changes nothing.</para>
    /// </remarks>
    public static class ModelFile
    {
        /// <summary>The format version this library writes and reads.</summary>
        public const int FormatVersion = 1;

        /// <summary>The size of the header: magic, version and file length.</summary>
        public const int HeaderSize = 10;

        /// <summary>The size of the trailing CRC-32.</summary>
        public const int ChecksumSize = 4;

        internal const byte Magic0 = 0x54; // 'T'
        internal const byte Magic1 = 0x54; // 'T'
        internal const byte Magic2 = 0x4E; // 'N'
        internal const byte Magic3 = 0x4D; // 'M'
        internal const int DescriptionFixedSize = 8;   // input shape and layer count
        internal const int LayerDescriptionSize = 10;
        internal const int OptionsSize = 27;
        internal const int StateSize = 16;
        internal const int LayerStateFixedSize = 44;   // two scales, update counter, four counts

        /// <summary>Computes the size of the file <see cref="Write"/> produces for a model.</summary>
        /// <param name="model">The model.</param>
        /// <returns>The size in bytes.</returns>
        public static int GetSize(Model model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            return ModelFileWriter.GetSize(model);
        }

        /// <summary>Writes a model file into a buffer. Nothing is written unless the whole model can be stored.</summary>
        /// <param name="model">The model.</param>
        /// <param name="buffer">The buffer, with at least <see cref="GetSize"/> bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Where the file starts.</param>
        /// <returns>The bytes written.</returns>
        /// <exception cref="ArgumentException">The buffer is too small, or a value of the model lies outside what the format stores.</exception>
        public static int Write(Model model, byte[] buffer, int offset)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            int size = ModelFileWriter.GetSize(model);
            if (offset < 0 || offset > buffer.Length || buffer.Length - offset < size)
            {
                throw new ArgumentException("the model file needs " + size.ToString() + " bytes from offset " + offset.ToString() + " but the buffer has " + buffer.Length.ToString());
            }

            ModelFileWriter.Validate(model);
            ModelFileWriter.Write(model, buffer, offset, size);
            return size;
        }

        /// <summary>
        /// Reads the file length a header states, checking only the magic and the version: how many
        /// bytes to pass to <see cref="Read"/> when the file sits in larger storage.
        /// </summary>
        /// <param name="data">The bytes, at least the header.</param>
        /// <param name="offset">Where the file starts.</param>
        /// <param name="count">The bytes available.</param>
        /// <returns>The stored file length.</returns>
        /// <exception cref="ModelFileException">The header is cut, not a TinTin header, of another version, or states an impossible length.</exception>
        public static int GetStoredSize(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            var r = new ByteReader(data, offset, offset + count);
            long length = ModelFileReader.ReadHeader(ref r);
            if (length > int.MaxValue || length < HeaderSize + ChecksumSize)
            {
                throw new ModelFileException("file length = " + length.ToString() + " in the header is impossible");
            }

            return (int)length;
        }

        /// <summary>Builds a new model from a file: its description, options, weights and training state.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where the file starts.</param>
        /// <param name="count">The file's length (exactly).</param>
        /// <returns>The model, ready to predict or to resume training.</returns>
        /// <exception cref="ModelFileException">The file is invalid or cannot be built by this library.</exception>
        public static Model Read(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            ByteReader r = ModelFileReader.Open(data, offset, count);
            ModelSpec spec = ModelFileReader.ReadSpec(ref r, null);
            var options = new TrainingOptions();
            int batchSize = ModelFileReader.ReadOptions(ref r, options);

            // Check the rest before allocating the model, then read it again into the model. The second
            // pass rewinds the position (an int) instead of copying the reader: optimised IL may copy a
            // struct with dup, which on nanoCLR shares the value instead of copying it.
            int rest = r.Position;
            ModelFileReader.ReadState(ref r, batchSize, null);
            ModelFileReader.ReadLayers(ref r, spec, batchSize > 1, null);
            ModelFileReader.ReadEnd(ref r);

            Model model = ModelFileReader.Build(spec, options);
            r.Position = rest;
            ModelFileReader.ReadState(ref r, batchSize, model);
            ModelFileReader.ReadLayers(ref r, spec, batchSize > 1, model);
            return model;
        }

        /// <summary>
        /// Loads a file into an existing model of exactly the same architecture (input shape, layers
        /// and their parameters, and whether it was built with mini-batch accumulators): weights,
        /// scales, biases, accumulators, training state, and the options, which are written into
        /// <see cref="Model.Options"/> (an options object shared with another model changes there too).
        /// </summary>
        /// <remarks>
        /// Everything is checked (checksum first, then every field) before anything is changed, so a
        /// rejected file leaves the model exactly as it was. Allocates nothing for a valid file.
        /// </remarks>
        /// <param name="model">The model to load into.</param>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where the file starts.</param>
        /// <param name="count">The file's length (exactly).</param>
        /// <exception cref="ModelFileException">The file is invalid or describes another architecture.</exception>
        public static void ReadInto(Model model, byte[] data, int offset, int count)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            CheckRange(data, offset, count);
            ByteReader r = ModelFileReader.Open(data, offset, count);
            bool batched = model.Plan.GradientBytes > 0;

            // Rewind by position, not by copying a saved reader: Release IL keeps a struct that is only
            // a copy source on the evaluation stack and copies it with dup, which on nanoCLR shares the
            // value, so the second pass would start where the first ended.
            int body = r.Position;
            ReadBody(ref r, model, batched, false);
            r.Position = body;
            ReadBody(ref r, model, batched, true);
        }

        // Checks the body against the model (apply = false) or, once it passed, copies it in (apply = true).
        private static void ReadBody(ref ByteReader r, Model model, bool batched, bool apply)
        {
            ModelFileReader.ReadSpec(ref r, model.Spec);
            int batchSize = ModelFileReader.ReadOptions(ref r, apply ? model.Options : null);
            if (model.Plan.WeightBytes > 0 && (batchSize > 1) != batched)
            {
                ModelFileReader.Fail("the file has batch size " + batchSize.ToString() + " but the model was built "
                    + (batched ? "with" : "without") + " mini-batch accumulators");
            }

            ModelFileReader.ReadState(ref r, batchSize, apply ? model : null);
            ModelFileReader.ReadLayers(ref r, model.Spec, batched, apply ? model : null);
            ModelFileReader.ReadEnd(ref r);
        }

        private static void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "the range lies outside the array");
            }
        }
    }
}
