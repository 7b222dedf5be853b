// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Persistence;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // The model file (docs/model-format.md): bit-exact save, load and resume; and every way a file can
    // be wrong is rejected with its message while the target model stays unchanged bit for bit.
    // Field offsets are computed here from the documented layout, not taken from the implementation.
    [TestClass]
    public class ModelFileTests
    {
        private const int DenseModel = 0;
        private const int BatchedModel = 1;
        private const int Conv2DModel = 2;
        private const int Conv1DModel = 3;

        private static readonly Scale s_inputScale = Scale.PowerOfTwo(-7);
        private static readonly byte[] s_before = new byte[1024];
        private static readonly byte[] s_after = new byte[1024];

        // ---- the documented layout, byte by byte ----------------------------------------------

        [TestMethod]
        public void GoldenFileMatchesTheDocumentedLayout()
        {
            byte[] file = Save(GoldenModel());
            byte[] expected = GoldenBytes();
            Assert.AreEqual(expected.Length, file.Length, "golden length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], file[i], "golden byte " + i.ToString());
            }
        }

        [TestMethod]
        public void GoldenFileReadsBack()
        {
            Model model = ModelFile.Read(GoldenBytes(), 0, 125);
            Assert.AreEqual(1, model.Spec.Count, "layer count");
            Assert.AreEqual(2, model.Spec.Input.Size, "input size");
            var dense = (WeightedLayer)model.GetLayer(0);
            Assert.AreEqual(5, dense.GetWeight(0), "weight 0");
            Assert.AreEqual(-3, dense.GetWeight(1), "weight 1");
            Assert.AreEqual(7, dense.Biases[0], "bias 0");
            Assert.AreEqual(-7, dense.WeightScale.Shift, "weight scale S");
            Assert.AreEqual(1, dense.WeightScale.Up, "weight scale U");
            Assert.AreEqual(-20, dense.BiasScale.Shift, "bias scale S");
            Assert.AreEqual(4, dense.UpdatesSinceCheck, "update counter");
            Assert.AreEqual(3L, model.Samples, "samples");
            Assert.AreEqual(0x12345678u, model.Random.State, "PRNG state");
            Assert.AreEqual(-5, model.Options.LearningRate.Shift, "learning rate");
            Assert.AreEqual(32, model.Options.WeightCheckInterval, "interval");
        }

        // A hand-checked file (the CRC from Python's zlib.crc32 of the first 121 bytes).
        private static byte[] GoldenBytes()
        {
            return new byte[]
            {
                0x54, 0x54, 0x4E, 0x4D, 0x01, 0x00, 0x7D, 0x00, 0x00, 0x00, // "TTNM" version 1 length 125
                0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x01, 0x00,             // input 1x1x2 and 1 layer
                0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // Dense units 1 with bias
                0x01, 0xFB, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00,       // Tin-Tin and learning rate S=-5
                0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00,       // U=0 D=0 then mu 3 and batch 1
                0x01, 0x00, 0x00, 0x00, 0x01, 0x20, 0x00, 0x00, 0x00,       // seed 1 then upscale 1 and interval 32
                0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,             // samples 3
                0x00, 0x00, 0x00, 0x00, 0x78, 0x56, 0x34, 0x12,             // pending 0 and PRNG 0x12345678
                0xF9, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // weight scale 2^-7*1.5
                0xEC, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // bias scale 2^-20
                0x04, 0x00, 0x00, 0x00,                                     // update counter 4
                0x02, 0x00, 0x00, 0x00, 0x05, 0xFD,                         // 2 weights: 5 and -3
                0x01, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00,             // 1 bias: 7
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,             // no accumulators
                0x3D, 0x36, 0xB7, 0xB5,                                     // CRC-32 0xB5B7363D
            };
        }

        private static Model GoldenModel()
        {
            Model model = new Model(new ModelSpec(Shape.Vector(2)).Dense(1), new TrainingOptions());
            var dense = (WeightedLayer)model.GetLayer(0);
            dense.SetWeight(0, 5);
            dense.SetWeight(1, -3);
            dense.Biases[0] = 7;
            dense.WeightScale = new Scale(-7, 1, 0);
            dense.UpdatesSinceCheck = 4;
            model.Samples = 3;
            model.Random.State = 0x12345678;
            return model;
        }

        // ---- bit-exact save, load and resume ----------------------------------------------------

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void ReadGivesTheSameModelAndTheSameFurtherTraining(int which)
        {
            Model original = Build(which, 11u);
            Train(original, 7, 100u);
            byte[] file = Save(original);

            // Read from the middle of a larger array: only the file's own bytes count.
            byte[] storage = new byte[file.Length + 9];
            Array.Copy(file, 0, storage, 5, file.Length);
            Model copy = ModelFile.Read(storage, 5, file.Length);
            AssertSameState(original, copy);
            AssertSameFile(file, Save(copy), "saved copy");

            Train(original, 9, 200u);
            Train(copy, 9, 200u);
            AssertSameState(original, copy);
            AssertSameFile(Save(original), Save(copy), "after resuming");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void ReadIntoGivesTheSameModelAndTheSameFurtherTraining(int which)
        {
            Model original = Build(which, 11u);
            Train(original, 7, 100u);
            byte[] file = Save(original);

            Model target = Build(which, 12345u); // other initial weights and PRNG state
            Train(target, 2, 300u);
            ModelFile.ReadInto(target, file, 0, file.Length);
            AssertSameState(original, target);

            Train(original, 9, 200u);
            Train(target, 9, 200u);
            AssertSameFile(Save(original), Save(target), "after resuming");
        }

        [TestMethod]
        public void ResumingInTheMiddleOfAMiniBatchIsBitExact()
        {
            Model original = Build(BatchedModel, 5u);
            Train(original, 4, 400u); // batch size 3: one sample is pending
            Assert.AreEqual(1, original.PendingSamples, "pending samples");
            Assert.IsTrue(HasNonZero(((WeightedLayer)original.GetLayer(1)).Accumulators), "accumulators hold the pending sample");

            byte[] file = Save(original);
            Model copy = ModelFile.Read(file, 0, file.Length);
            Model target = Build(BatchedModel, 6u);
            ModelFile.ReadInto(target, file, 0, file.Length);
            AssertSameState(original, copy);
            AssertSameState(original, target);

            Train(original, 5, 500u);
            Train(copy, 5, 500u);
            Train(target, 5, 500u);
            Assert.AreEqual(0, original.PendingSamples, "batch completed");
            AssertSameFile(Save(original), Save(copy), "Read copy after resuming");
            AssertSameFile(Save(original), Save(target), "ReadInto copy after resuming");
        }

        [TestMethod]
        public void GetSizeIsWhatWriteWrites()
        {
            for (int which = 0; which < 4; which++)
            {
                Model model = Build(which, 1u);
                Assert.AreEqual(ExpectedSize(model), ModelFile.GetSize(model), "size from the layout " + which.ToString());
                byte[] buffer = new byte[ModelFile.GetSize(model) + 3];
                Assert.AreEqual(ModelFile.GetSize(model), ModelFile.Write(model, buffer, 3), "bytes written " + which.ToString());
                Assert.AreEqual(ModelFile.GetSize(model), ModelFile.GetStoredSize(buffer, 3, ModelFile.HeaderSize), "stored size " + which.ToString());
            }
        }

        // ---- truncation and corruption, exhaustively ----------------------------------------------

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void EveryTruncationIsRejected(int which)
        {
            Model source = Build(which, 21u);
            Train(source, 4, 600u);
            byte[] file = Save(source);
            Model target = Build(which, 22u);
            for (int length = 0; length < file.Length; length++)
            {
                string message = RejectionBy(target, file, length);
                Assert.IsNotNull(message, "length " + length.ToString() + " accepted");
                Assert.StartsWith("truncated: ", message, "ReadInto at length " + length.ToString());
                Assert.StartsWith("truncated: ", ReadRejection(file, length), "Read at length " + length.ToString());
            }

            ModelFile.ReadInto(target, file, 0, file.Length); // the whole file is fine
            AssertSameFile(file, Save(target), "loaded after all rejections");
        }

        [TestMethod]
        public void TruncationNamesTheFieldThatIsCut()
        {
            // Dense model: Flatten, Dense(3) over 4 inputs, ReLU, Dense(2) without bias; batch size 1.
            Model source = Build(DenseModel, 1u);
            byte[] file = Save(source);
            Model target = Build(DenseModel, 2u);
            int layer1 = LayerStateOffset(source, 1);
            Expect(target, file, 0, "truncated: the magic number needs 4 bytes but 0 remain", true);
            Expect(target, file, 5, "truncated: the format version needs 2 bytes but 1 remain", true);
            Expect(target, file, 9, "truncated: the file length needs 4 bytes but 3 remain", true);
            Expect(target, file, 11, "truncated: the input channels need 2 bytes but 1 remain", true);
            Expect(target, file, 19, "truncated: the units of layer 0 need 2 bytes but 0 remain", true);
            Expect(target, file, OptionsOffset(source.Spec) + 3, "truncated: the learning rate needs 12 bytes but 2 remain", true);
            Expect(target, file, StateOffset(source.Spec) + 10, "truncated: the pending sample count needs 4 bytes but 2 remain", true);
            Expect(target, file, layer1 + 5, "truncated: the weight scale of layer 1 needs 12 bytes but 5 remain", true);
            Expect(target, file, layer1 + 32 + 7, "truncated: the weights of layer 1 need 12 bytes but 7 remain", true);
            Expect(target, file, layer1 + 48 + 1, "truncated: the biases of layer 1 need 12 bytes but 1 remain", true);
            Expect(target, file, file.Length - 1, "truncated: the checksum needs 4 bytes but 3 remain", true);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void EveryCorruptedByteIsRejected(int which)
        {
            Model source = Build(which, 31u);
            Train(source, 4, 700u);
            byte[] file = Save(source);
            Model target = Build(which, 32u);
            for (int i = 0; i < file.Length; i++)
            {
                byte mask = (byte)(1 << (i & 7)); // every bit position across the file
                file[i] ^= mask;
                string message = RejectionBy(target, file, file.Length);
                file[i] ^= mask;
                Assert.IsNotNull(message, "byte " + i.ToString() + " accepted");
                string where = "byte " + i.ToString() + ": " + message;
                if (i < 4)
                {
                    Assert.AreEqual("not a TinTin model file (bad magic)", message, where);
                }
                else if (i < 6)
                {
                    Assert.StartsWith("unsupported format version ", message, where);
                }
                else if (i < 10)
                {
                    Assert.IsTrue(message.StartsWith("truncated: the header says") || message.StartsWith("trailing bytes: "), where);
                }
                else
                {
                    Assert.StartsWith("checksum mismatch: stored 0x", message, where);
                }
            }
        }

        [TestMethod]
        public void ChecksumMessageNamesBothValues()
        {
            byte[] file = GoldenBytes();
            file[120] ^= 1; // the last byte before the CRC
            Expect(Build(DenseModel, 1u), file, file.Length, "checksum mismatch: stored 0xB5B7363D but computed 0x" + Crc32.Compute(file, 0, 121).ToString("X8"), true);
        }

        // ---- every field validator, with the checksum fixed up -----------------------------------

        [TestMethod]
        public void HeaderFieldsAreValidated()
        {
            Model source = Build(DenseModel, 1u);
            byte[] file = Save(source);
            Model target = Build(DenseModel, 2u);
            Expect(target, Patched(file, 0, 1, 0x58), "not a TinTin model file (bad magic)", true);
            Expect(target, Patched(file, 3, 1, 0x00), "not a TinTin model file (bad magic)", true);
            Expect(target, Patched(file, 4, 2, 7), "unsupported format version 7 (this library reads 1)", true);
            Expect(target, Patched(file, 4, 2, 0), "unsupported format version 0 (this library reads 1)", true);

            // More bytes given than the header says.
            byte[] longer = new byte[file.Length + 3];
            Array.Copy(file, longer, file.Length);
            Expect(target, longer, longer.Length, "trailing bytes: the file is " + file.Length.ToString() + " bytes long but " + longer.Length.ToString() + " were given", true);

            // A header that states a length too short for a checksum.
            byte[] tiny = new byte[12];
            Array.Copy(file, tiny, 10);
            tiny[6] = 12;
            tiny[7] = 0;
            Expect(target, tiny, 12, "file length = 12 in the header is shorter than a header and a checksum", true);
        }

        [TestMethod]
        public void BodyLengthIsValidatedAgainstTheHeader()
        {
            Model source = Build(DenseModel, 1u);
            byte[] file = Save(source);
            Model target = Build(DenseModel, 2u);
            Expect(target, Resized(file, 3), "trailing bytes: 3 bytes between the last layer and the checksum", true);

            // The last layer (Dense(2) without bias) ends with 6 weights and three zero counts (12 bytes).
            Expect(target, Resized(file, -2), "truncated: the bias accumulator count of layer 3 needs 4 bytes but 2 remain", true);
            Expect(target, Resized(file, -13), "truncated: the weights of layer 3 need 6 bytes but 5 remain", true);
        }

        [TestMethod]
        public void DescriptionFieldsAreValidated()
        {
            Model source = Build(DenseModel, 1u);
            byte[] file = Save(source);
            Model target = Build(DenseModel, 2u);
            int layer1 = 18 + 10; // Flatten, Dense(3), ReLU, Dense(2 without bias)
            int layer2 = 18 + 20;
            Expect(target, Patched(file, 10, 2, 0), "input shape 0x2x2 is invalid (each dimension lies in 1..65535)", true);
            Expect(target, Patched(file, 14, 2, 0), "input shape 1x2x0 is invalid (each dimension lies in 1..65535)", true);
            Expect(target, Patched(Patched(file, 10, 2, 65535), 12, 2, 65535), "input shape 65535x65535x2 has more than 16777216 elements", true);
            Expect(target, Patched(file, 16, 2, 0), "layer count = 0 is outside 1..64", true);
            Expect(target, Patched(file, 16, 2, 65), "layer count = 65 is outside 1..64", true);
            Expect(target, Patched(file, layer1, 1, 9), "unknown layer kind 9 at layer 1", true);
            Expect(target, Patched(file, layer1, 1, 0), "unknown layer kind 0 at layer 1", true);
            Expect(target, Patched(file, layer1 + 1, 2, 0), "layer 1 (Dense): units = 0 (must be at least 1)", true);
            Expect(target, Patched(file, layer1 + 3, 2, 2), "layer 1 (Dense): kernel = 2 (must be 0)", true);
            Expect(target, Patched(file, layer1 + 5, 2, 1), "layer 1 (Dense): stride = 1 (must be 0)", true);
            Expect(target, Patched(file, layer1 + 7, 2, 1), "layer 1 (Dense): padding = 1 (must be 0)", true);
            Expect(target, Patched(file, layer1 + 9, 1, 2), "layer 1 (Dense): bias flag = 2 (must be 0 or 1)", true);
            Expect(target, Patched(file, layer2 + 1, 2, 3), "layer 2 (ReLU): units = 3 (must be 0)", true);
            Expect(target, Patched(file, 18 + 9, 1, 1), "layer 0 (Flatten): bias flag = 1 (must be 0)", true);
        }

        [TestMethod]
        public void ConvolutionAndPoolingFieldsAreValidated()
        {
            // Conv2D(2 kernel 3 stride 1 padding 1) over 1x5x5, ReLU, MaxPool2D(2), Flatten, Dense(3).
            Model source = Build(Conv2DModel, 1u);
            byte[] file = Save(source);
            Model target = Build(Conv2DModel, 2u);
            int conv = 18;
            int pool = 18 + 20;
            Expect(target, Patched(file, conv + 3, 2, 0), "layer 0 (Conv2D): kernel = 0 (must be at least 1)", true);
            Expect(target, Patched(file, conv + 5, 2, 0), "layer 0 (Conv2D): stride = 0 (must be at least 1)", true);
            Expect(target, Patched(file, pool + 1, 2, 1), "layer 2 (MaxPool2D): units = 1 (must be 0)", true);
            Expect(target, Patched(file, pool + 7, 2, 1), "layer 2 (MaxPool2D): padding = 1 (must be 0)", true);
            Expect(target, Patched(file, pool + 9, 1, 1), "layer 2 (MaxPool2D): bias flag = 1 (must be 0)", true);

            // Valid fields that describe another architecture, or one that cannot be built.
            byte[] wide = Patched(file, pool + 3, 2, 9);
            Expect(target, wide, "layer 2 is MaxPool2D(9 stride 2) in the file but MaxPool2D(2 stride 2) in the model", false);
            Assert.AreEqual("layer 2 (MaxPool2D): MaxPool2D: the window is larger than the (padded) input", ReadRejection(wide, wide.Length), "Read of a window larger than the input");
            Expect(target, Patched(file, conv + 3, 2, 2), "layer 0 is Conv2D(2 kernel 2 stride 1 padding 1) in the file but Conv2D(2 kernel 3 stride 1 padding 1) in the model", false);
        }

        [TestMethod]
        public void ReadRejectsAModelTheEngineCannotBuild()
        {
            // One Conv2D(1 kernel 1): a valid file stays valid when the input grows to 1x365x365, but
            // 133225 output positions times 127 x 127 could overflow a weight gradient, and Model refuses.
            Model small = new Model(new ModelSpec(new Shape(1, 5, 5)).Conv2D(1, 1), new TrainingOptions());
            byte[] huge = Patched(Patched(Save(small), 12, 2, 365), 14, 2, 365);
            string message = ReadRejection(huge, huge.Length);
            Assert.IsNotNull(message, "Read accepted a model Model cannot build");
            Assert.StartsWith("the stored model cannot be built: ", message, "Read: " + message);
            Expect(small, huge, "the input shape is 1x365x365 in the file but 1x5x5 in the model", false);
        }

        [TestMethod]
        public void OptionFieldsAreValidated()
        {
            Model source = Build(DenseModel, 1u);
            byte[] file = Save(source);
            Model target = Build(DenseModel, 2u);
            int o = OptionsOffset(source.Spec);
            Expect(target, Patched(file, o, 1, 3), "unknown training mode 3 (1 is TinTin and 2 is Niti)", true);
            Expect(target, Patched(file, o, 1, 0), "unknown training mode 0 (1 is TinTin and 2 is Niti)", true);
            Expect(target, Patched(file, o + 1, 4, 1048577), "the learning rate = 2^1048577*1.5^0*0.75^0 has an exponent outside -1048576..1048576", true);
            Expect(target, Patched(file, o + 9, 4, -1048577), "the learning rate = 2^-5*1.5^0*0.75^-1048577 has an exponent outside -1048576..1048576", true);
            Expect(target, Patched(file, o + 13, 1, 31), "mu = 31 is outside 0..30", true);
            Expect(target, Patched(file, o + 14, 4, 0), "batch size = 0 (must be at least 1)", true);
            Expect(target, Patched(file, o + 14, 4, -3), "batch size = -3 (must be at least 1)", true);
            Expect(target, Patched(file, o + 22, 1, 2), "initial upscale flag = 2 (must be 0 or 1)", true);
            Expect(target, Patched(file, o + 23, 4, -1), "weight check interval = -1 (must be 0 or more)", true);
        }

        [TestMethod]
        public void BatchSizeMustMatchHowTheModelWasBuilt()
        {
            Model plain = Build(DenseModel, 1u);
            byte[] plainFile = Save(plain);
            int o = OptionsOffset(plain.Spec);
            byte[] claimsBatched = Patched(plainFile, o + 14, 4, 4);
            Expect(Build(DenseModel, 2u), claimsBatched, "the file has batch size 4 but the model was built without mini-batch accumulators", false);
            Assert.AreEqual("layer 1: accumulator count 0 does not match the layer's 12", ReadRejection(claimsBatched, claimsBatched.Length), "Read of a batched file without accumulators");

            Model batched = Build(BatchedModel, 1u);
            Train(batched, 4, 800u);
            byte[] batchedFile = Save(batched);
            byte[] claimsPlain = Patched(batchedFile, o + 14, 4, 1);
            Expect(Build(BatchedModel, 2u), claimsPlain, "the file has batch size 1 but the model was built with mini-batch accumulators", false);
            Assert.AreEqual("pending samples = 1 is outside 0..0 for batch size 1", ReadRejection(claimsPlain, claimsPlain.Length), "Read of a plain file with a pending sample");

            // Whole valid files of the other kind, too.
            Expect(Build(BatchedModel, 2u), plainFile, "the file has batch size 1 but the model was built with mini-batch accumulators", false);
            Expect(Build(DenseModel, 2u), batchedFile, "the file has batch size 3 but the model was built without mini-batch accumulators", false);
        }

        [TestMethod]
        public void TrainingStateIsValidated()
        {
            Model source = Build(BatchedModel, 1u);
            Train(source, 4, 900u);
            byte[] file = Save(source);
            Model target = Build(BatchedModel, 2u);
            int s = StateOffset(source.Spec);
            Expect(target, Patched64(file, s, -1L), "sample count = -1 (must be 0 or more)", true);
            Expect(target, Patched(file, s + 8, 4, 3), "pending samples = 3 is outside 0..2 for batch size 3", true);
            Expect(target, Patched(file, s + 8, 4, -1), "pending samples = -1 is outside 0..2 for batch size 3", true);
            Expect(target, Patched(file, s + 12, 4, 0), "PRNG state = 0 (xorshift32 never reaches 0)", true);
        }

        [TestMethod]
        public void LayerFieldsAreValidated()
        {
            Model source = Build(DenseModel, 1u);
            Train(source, 3, 1000u);
            byte[] file = Save(source);
            Model target = Build(DenseModel, 2u);
            int l1 = LayerStateOffset(source, 1); // Dense(3): 12 weights and 3 biases
            int l3 = LayerStateOffset(source, 3); // Dense(2) without bias: 6 weights
            ExpectAround(target, Patched(file, l1, 4, 1048577), "the weight scale of layer 1 = 2^1048577*", "has an exponent outside -1048576..1048576");
            ExpectAround(target, Patched(file, l1 + 4, 4, -1048577), "the weight scale of layer 1 = 2^", "has an exponent outside -1048576..1048576");
            Expect(target, Patched(file, l1 + 12 + 8, 4, 1048577), "the bias scale of layer 1 = 2^-20*1.5^0*0.75^1048577 has an exponent outside -1048576..1048576", true);
            Expect(target, Patched(file, l1 + 24, 4, -1), "layer 1: update counter = -1 (must be 0 or more)", true);
            Expect(target, Patched(file, l1 + 28, 4, 100), "layer 1: weight count 100 does not match the layer's 12", true);
            Expect(target, Patched(file, l1 + 28, 4, -1), "layer 1: weight count -1 does not match the layer's 12", true);
            Expect(target, Patched(file, l1 + 32 + 5, 1, 0x80), "layer 1: weight 5 = -128 is outside -127..127", true);
            Expect(target, Patched(file, l1 + 44, 4, 2), "layer 1: bias count 2 does not match the layer's 3", true);
            Expect(target, Patched(file, l1 + 48 + 4, 4, int.MinValue), "layer 1: bias 1 = -2147483648 is outside -2147483647..2147483647", true);
            Expect(target, Patched(file, l1 + 60, 4, 5), "layer 1: accumulator count 5 does not match the layer's 0", true);
            Expect(target, Patched(file, l1 + 64, 4, 1), "layer 1: bias accumulator count 1 does not match the layer's 0", true);
            Expect(target, Patched(file, l3 + 28 + 4 + 6, 4, 1), "layer 3: bias count 1 does not match the layer's 0", true);
        }

        [TestMethod]
        public void AccumulatorFieldsAreValidated()
        {
            Model source = Build(BatchedModel, 1u);
            Train(source, 4, 1100u);
            byte[] file = Save(source);
            Model target = Build(BatchedModel, 2u);
            int l1 = LayerStateOffset(source, 1); // 12 weights, 3 biases, 12 accumulators, 3 bias accumulators
            int accumulators = l1 + 32 + 12 + 4 + 12;
            Expect(target, Patched(file, accumulators, 4, 11), "layer 1: accumulator count 11 does not match the layer's 12", true);
            Expect(target, Patched(file, accumulators + 4 + 4 * 7, 4, int.MinValue), "layer 1: accumulator 7 = -2147483648 is outside -2147483647..2147483647", true);
            Expect(target, Patched(file, accumulators + 52, 4, 0), "layer 1: bias accumulator count 0 does not match the layer's 3", true);
            Expect(target, Patched(file, accumulators + 56 + 8, 4, int.MinValue), "layer 1: bias accumulator 2 = -2147483648 is outside -2147483647..2147483647", true);
        }

        [TestMethod]
        public void BoundaryValuesAreAccepted()
        {
            Model source = Build(BatchedModel, 1u);
            byte[] file = Save(source);
            int o = OptionsOffset(source.Spec);
            int s = StateOffset(source.Spec);
            int l1 = LayerStateOffset(source, 1);
            byte[] edge = Patched(file, o + 1, 4, 1048576);
            edge = Patched(edge, o + 5, 4, -1048576);
            edge = Patched(edge, o + 13, 1, 30);
            edge = Patched(edge, o + 22, 1, 0);
            edge = Patched(edge, o + 23, 4, 0);
            edge = Patched64(edge, s, 1L << 40);
            edge = Patched(edge, s + 8, 4, 2);
            edge = Patched(edge, s + 12, 4, -1); // 0xFFFFFFFF
            edge = Patched(edge, l1 + 24, 4, int.MaxValue);
            edge = Patched(edge, l1 + 32, 1, 0x81); // -127
            edge = Patched(edge, l1 + 33, 1, 0x7F); // 127
            edge = Patched(edge, l1 + 48, 4, -int.MaxValue);
            edge = Patched(edge, l1 + 52, 4, int.MaxValue);

            Model target = Build(BatchedModel, 2u);
            ModelFile.ReadInto(target, edge, 0, edge.Length);
            var dense = (WeightedLayer)target.GetLayer(1);
            Assert.AreEqual(1048576, target.Options.LearningRate.Shift, "learning rate S");
            Assert.AreEqual(-1048576, target.Options.LearningRate.Up, "learning rate U");
            Assert.AreEqual(30, target.Options.MuBits, "mu");
            Assert.IsFalse(target.Options.InitialUpscale, "upscale flag");
            Assert.AreEqual(0, target.Options.WeightCheckInterval, "interval");
            Assert.AreEqual(1L << 40, target.Samples, "samples");
            Assert.AreEqual(2, target.PendingSamples, "pending");
            Assert.AreEqual(0xFFFFFFFFu, target.Random.State, "PRNG state");
            Assert.AreEqual(int.MaxValue, dense.UpdatesSinceCheck, "update counter");
            Assert.AreEqual(-127, dense.GetWeight(0), "weight 0");
            Assert.AreEqual(127, dense.GetWeight(1), "weight 1");
            Assert.AreEqual(-int.MaxValue, dense.Biases[0], "bias 0");
            Assert.AreEqual(int.MaxValue, dense.Biases[1], "bias 1");
            AssertSameFile(edge, Save(ModelFile.Read(edge, 0, edge.Length)), "Read of the boundary file");
        }

        [TestMethod]
        public void OtherArchitecturesAreRejectedByReadInto()
        {
            byte[] file = Save(Build(DenseModel, 1u));
            var options = new TrainingOptions();
            Expect(new Model(new ModelSpec(new Shape(1, 2, 3)).Flatten().Dense(3).ReLU().Dense(2, false), options), file,
                "the input shape is 1x2x2 in the file but 1x2x3 in the model", false);
            Expect(new Model(new ModelSpec(new Shape(1, 2, 2)).Flatten().Dense(3).ReLU().Dense(2, false).ReLU(), options), file,
                "the file has 4 layers but the model has 5", false);
            Expect(new Model(new ModelSpec(new Shape(1, 2, 2)).Flatten().Dense(4).ReLU().Dense(2, false), options), file,
                "layer 1 is Dense(3) in the file but Dense(4) in the model", false);
            Expect(new Model(new ModelSpec(new Shape(1, 2, 2)).Flatten().Dense(3).ReLU().Dense(2), options), file,
                "layer 3 is Dense(2) without bias in the file but Dense(2) in the model", false);
            Expect(new Model(new ModelSpec(new Shape(1, 2, 2)).Flatten().Dense(3).Flatten().Dense(2, false), options), file,
                "layer 2 is ReLU in the file but Flatten in the model", false);
            Expect(Build(Conv2DModel, 1u), file, "the input shape is 1x2x2 in the file but 1x5x5 in the model", false);
        }

        // ---- API edges ----------------------------------------------------------------------------

        [TestMethod]
        public void RejectionsThrowModelFileException()
        {
            byte[] file = Save(Build(DenseModel, 1u));
            file[0] = 0;
            Assert.ThrowsException(typeof(ModelFileException), () => ModelFile.Read(file, 0, file.Length), "Read of a bad file");
            Assert.ThrowsException(typeof(ModelFileException), () => ModelFile.ReadInto(Build(DenseModel, 1u), file, 0, file.Length), "ReadInto of a bad file");
            Assert.ThrowsException(typeof(ModelFileException), () => ModelFile.GetStoredSize(file, 0, 10), "GetStoredSize of a bad header");
        }

        [TestMethod]
        public void GetStoredSizeReadsOnlyTheHeader()
        {
            byte[] file = Save(Build(Conv2DModel, 1u));
            Assert.AreEqual(file.Length, ModelFile.GetStoredSize(file, 0, ModelFile.HeaderSize), "size from the header");
            Assert.AreEqual(file.Length, ModelFile.GetStoredSize(file, 0, file.Length), "size from the whole file");
            string message = null;
            try
            {
                ModelFile.GetStoredSize(file, 0, 8);
            }
            catch (ModelFileException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("truncated: the file length needs 4 bytes but 2 remain", message, "short header");
        }

        [TestMethod]
        public void ArgumentsAreChecked()
        {
            Model model = Build(DenseModel, 1u);
            byte[] file = Save(model);
            Assert.ThrowsException(typeof(ArgumentNullException), () => ModelFile.Read(null, 0, 0), "Read of null");
            Assert.ThrowsException(typeof(ArgumentNullException), () => ModelFile.ReadInto(null, file, 0, file.Length), "ReadInto null model");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ModelFile.Read(file, 1, file.Length), "range past the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ModelFile.ReadInto(model, file, -1, 4), "negative offset");
            Assert.ThrowsException(typeof(ArgumentNullException), () => ModelFile.Write(model, null, 0), "Write to null");
            Assert.ThrowsException(typeof(ArgumentNullException), () => ModelFile.GetSize(null), "GetSize of null");
        }

        [TestMethod]
        public void WriteRejectsWhatTheFormatCannotStoreAndWritesNothing()
        {
            Model model = Build(DenseModel, 1u);
            int size = ModelFile.GetSize(model);
            byte[] buffer = new byte[size];
            AssertWriteRejected(model, new byte[size - 1], "a buffer one byte short");

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { model.Options.MuBits = 40; }, "mu 40 is refused by the options themselves");
            model.Options.BatchSize = 2; // the model was built without accumulators
            AssertWriteRejected(model, buffer, "batch size 2 on a plain model");
            model.Options.BatchSize = 1;
            ((WeightedLayer)model.GetLayer(1)).SetWeight(4, -128);
            AssertWriteRejected(model, buffer, "weight -128");
            ((WeightedLayer)model.GetLayer(1)).SetWeight(4, 0);
            model.PendingSamples = 1;
            AssertWriteRejected(model, buffer, "pending sample with batch size 1");
            model.PendingSamples = 0;
            Assert.AreEqual(size, ModelFile.Write(model, buffer, 0), "writes once valid again");
        }

        // ---- helpers ------------------------------------------------------------------------------

        // 0: Flatten, Dense(3), ReLU, Dense(2 without bias) over 1x2x2; Tin-Tin, batch size 1.
        // 1: the same with batch size 3 (mini-batch accumulators).
        // 2: Conv2D(2 kernel 3 stride 1 padding 1), ReLU, MaxPool2D(2), Flatten, Dense(3) over 1x5x5.
        // 3: Conv1D(2 kernel 3 stride 2 padding 1), ReLU, MaxPool1D(2), Flatten, Dense(2) over 2x1x8; NITI.
        private static Model Build(int which, uint seed)
        {
            var options = new TrainingOptions();
            options.Seed = seed;
            ModelSpec spec;
            if (which == Conv2DModel)
            {
                spec = new ModelSpec(new Shape(1, 5, 5)).Conv2D(2, 3, 1, 1).ReLU().MaxPool2D(2).Flatten().Dense(3);
            }
            else if (which == Conv1DModel)
            {
                spec = new ModelSpec(new Shape(2, 1, 8)).Conv1D(2, 3, 2, 1).ReLU().MaxPool1D(2).Flatten().Dense(2);
                options.Mode = TrainingMode.Niti;
                options.InitialUpscale = false;
                options.MuBits = 2;
            }
            else
            {
                spec = new ModelSpec(new Shape(1, 2, 2)).Flatten().Dense(3).ReLU().Dense(2, false);
                options.BatchSize = which == BatchedModel ? 3 : 1;
            }

            return new Model(spec, options);
        }

        private static void Train(Model model, int steps, uint seed)
        {
            var random = new Xorshift32(seed);
            int size = model.Spec.Input.Size;
            int classes = model.Spec.Output.Size;
            sbyte[] x = new sbyte[size];
            for (int s = 0; s < steps; s++)
            {
                for (int i = 0; i < size; i++)
                {
                    x[i] = (sbyte)(random.NextInt(255) - 127);
                }

                model.TrainStep(x, s_inputScale, random.NextInt(classes));
            }
        }

        private static byte[] Save(Model model)
        {
            byte[] file = new byte[ModelFile.GetSize(model)];
            Assert.AreEqual(file.Length, ModelFile.Write(model, file, 0), "bytes written");
            return file;
        }

        // ReadInto's rejection message (null if accepted); asserts the target is unchanged either way it failed.
        private static string RejectionBy(Model target, byte[] data, int count)
        {
            int size = ModelFile.Write(target, s_before, 0);
            string message = null;
            try
            {
                ModelFile.ReadInto(target, data, 0, count);
            }
            catch (ModelFileException e)
            {
                message = e.Message;
            }

            if (message != null)
            {
                Assert.AreEqual(size, ModelFile.Write(target, s_after, 0), "target size unchanged");
                for (int i = 0; i < size; i++)
                {
                    if (s_before[i] != s_after[i])
                    {
                        Assert.AreEqual(s_before[i], s_after[i], "target byte " + i.ToString() + " changed by a rejected file: " + message);
                    }
                }
            }

            return message;
        }

        private static string ReadRejection(byte[] data, int count)
        {
            try
            {
                ModelFile.Read(data, 0, count);
            }
            catch (ModelFileException e)
            {
                return e.Message;
            }

            return null;
        }

        private static void Expect(Model target, byte[] file, string expected, bool alsoRead)
        {
            Expect(target, file, file.Length, expected, alsoRead);
        }

        private static void Expect(Model target, byte[] file, int count, string expected, bool alsoRead)
        {
            Assert.AreEqual(expected, RejectionBy(target, file, count), "ReadInto: " + expected);
            if (alsoRead)
            {
                Assert.AreEqual(expected, ReadRejection(file, count), "Read: " + expected);
            }
        }

        private static void ExpectAround(Model target, byte[] file, string start, string end)
        {
            string intoMessage = RejectionBy(target, file, file.Length);
            string readMessage = ReadRejection(file, file.Length);
            Assert.IsNotNull(intoMessage, "ReadInto accepted: " + start);
            Assert.StartsWith(start, intoMessage, "ReadInto start: " + start);
            Assert.EndsWith(end, intoMessage, "ReadInto end: " + end);
            Assert.AreEqual(intoMessage, readMessage, "Read: " + start);
        }

        private static void AssertWriteRejected(Model model, byte[] buffer, string what)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = 0xA5;
            }

            Assert.ThrowsException(typeof(ArgumentException), () => ModelFile.Write(model, buffer, 0), "Write with " + what);
            for (int i = 0; i < buffer.Length; i++)
            {
                if (buffer[i] != 0xA5)
                {
                    Assert.AreEqual((byte)0xA5, buffer[i], "buffer byte " + i.ToString() + " written despite " + what);
                }
            }
        }

        // A copy with a little-endian field of 1, 2 or 4 bytes replaced, and the CRC made valid again.
        private static byte[] Patched(byte[] file, int at, int width, int value)
        {
            byte[] copy = new byte[file.Length];
            Array.Copy(file, copy, file.Length);
            for (int i = 0; i < width; i++)
            {
                copy[at + i] = (byte)(value >> (8 * i));
            }

            FixCrc(copy);
            return copy;
        }

        private static byte[] Patched64(byte[] file, int at, long value)
        {
            byte[] copy = Patched(file, at, 4, (int)value);
            return Patched(copy, at + 4, 4, (int)(value >> 32));
        }

        // A copy whose body (before the CRC) grows by zero bytes or loses its last bytes; header length and CRC fixed.
        private static byte[] Resized(byte[] file, int delta)
        {
            int length = file.Length + delta;
            byte[] copy = new byte[length];
            Array.Copy(file, copy, (delta < 0 ? length : file.Length) - 4);
            copy[6] = (byte)length;
            copy[7] = (byte)(length >> 8);
            copy[8] = (byte)(length >> 16);
            copy[9] = (byte)(length >> 24);
            FixCrc(copy);
            return copy;
        }

        private static void FixCrc(byte[] file)
        {
            int body = file.Length - 4;
            uint crc = Crc32.Compute(file, 0, body);
            for (int i = 0; i < 4; i++)
            {
                file[body + i] = (byte)(crc >> (8 * i));
            }
        }

        // The documented layout: header 10, shape 6, count 2, 10 per layer, options 27, state 16, then per weighted layer
        // 44 fixed bytes plus the weights and 4 bytes per bias, accumulator and bias accumulator, then the CRC.
        private static int OptionsOffset(ModelSpec spec)
        {
            return 18 + 10 * spec.Count;
        }

        private static int StateOffset(ModelSpec spec)
        {
            return OptionsOffset(spec) + 27;
        }

        private static int LayerStateOffset(Model model, int layer)
        {
            int at = StateOffset(model.Spec) + 16;
            for (int l = 0; l < layer; l++)
            {
                at += LayerStateSize(model, l);
            }

            return at;
        }

        private static int ExpectedSize(Model model)
        {
            return LayerStateOffset(model, model.LayerCount) + 4;
        }

        private static int LayerStateSize(Model model, int l)
        {
            var weighted = model.GetLayer(l) as WeightedLayer;
            if (weighted == null)
            {
                return 0;
            }

            int ints = Count(weighted.Biases) + Count(weighted.Accumulators) + Count(weighted.BiasAccumulators);
            return 44 + weighted.WeightCount + 4 * ints;
        }

        private static int Count(int[] values)
        {
            return values == null ? 0 : values.Length;
        }

        private static bool HasNonZero(int[] values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static void AssertSameFile(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(expected.Length, actual.Length, what + " length");
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    Assert.AreEqual(expected[i], actual[i], what + " byte " + i.ToString());
                }
            }
        }

        // Field by field: the file's contents compared without going through the file.
        private static void AssertSameState(Model expected, Model actual)
        {
            TrainingOptions a = expected.Options;
            TrainingOptions b = actual.Options;
            Assert.AreEqual((int)a.Mode, (int)b.Mode, "mode");
            Assert.AreEqual(a.LearningRate.Shift, b.LearningRate.Shift, "learning rate S");
            Assert.AreEqual(a.LearningRate.Up, b.LearningRate.Up, "learning rate U");
            Assert.AreEqual(a.LearningRate.Down, b.LearningRate.Down, "learning rate D");
            Assert.AreEqual(a.MuBits, b.MuBits, "mu");
            Assert.AreEqual(a.BatchSize, b.BatchSize, "batch size");
            Assert.AreEqual(a.Seed, b.Seed, "seed");
            Assert.AreEqual(a.InitialUpscale, b.InitialUpscale, "upscale");
            Assert.AreEqual(a.WeightCheckInterval, b.WeightCheckInterval, "interval");
            Assert.AreEqual(expected.Samples, actual.Samples, "samples");
            Assert.AreEqual(expected.PendingSamples, actual.PendingSamples, "pending samples");
            Assert.AreEqual(expected.Random.State, actual.Random.State, "PRNG state");
            Assert.AreEqual(expected.LayerCount, actual.LayerCount, "layer count");
            for (int l = 0; l < expected.LayerCount; l++)
            {
                var x = expected.GetLayer(l) as WeightedLayer;
                var y = actual.GetLayer(l) as WeightedLayer;
                Assert.AreEqual(x == null, y == null, "weighted " + l.ToString());
                if (x == null)
                {
                    continue;
                }

                string layer = " of layer " + l.ToString();
                Assert.AreEqual(x.WeightScale.Shift, y.WeightScale.Shift, "weight scale S" + layer);
                Assert.AreEqual(x.WeightScale.Up, y.WeightScale.Up, "weight scale U" + layer);
                Assert.AreEqual(x.WeightScale.Down, y.WeightScale.Down, "weight scale D" + layer);
                Assert.AreEqual(x.BiasScale.Shift, y.BiasScale.Shift, "bias scale S" + layer);
                Assert.AreEqual(x.BiasScale.Up, y.BiasScale.Up, "bias scale U" + layer);
                Assert.AreEqual(x.BiasScale.Down, y.BiasScale.Down, "bias scale D" + layer);
                Assert.AreEqual(x.UpdatesSinceCheck, y.UpdatesSinceCheck, "update counter" + layer);
                sbyte[] xw = x.CopyWeights();
                sbyte[] yw = y.CopyWeights();
                for (int i = 0; i < xw.Length; i++)
                {
                    if (xw[i] != yw[i])
                    {
                        Assert.AreEqual(xw[i], yw[i], "weight " + i.ToString() + layer);
                    }
                }

                AssertSameInts(x.Biases, y.Biases, "biases" + layer);
                AssertSameInts(x.Accumulators, y.Accumulators, "accumulators" + layer);
                AssertSameInts(x.BiasAccumulators, y.BiasAccumulators, "bias accumulators" + layer);
            }
        }

        private static void AssertSameInts(int[] expected, int[] actual, string what)
        {
            Assert.AreEqual(expected == null, actual == null, what + " present");
            if (expected == null)
            {
                return;
            }

            Assert.AreEqual(expected.Length, actual.Length, what + " length");
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    Assert.AreEqual(expected[i], actual[i], what + " " + i.ToString());
                }
            }
        }
    }
}
